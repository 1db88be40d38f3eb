import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { describeRun } from './processes.ts'
import { registryConfig } from './registry.ts'
import { createSandbox, type Sandbox } from './sandbox.ts'

let sandbox: Sandbox | undefined
const box = () => sandbox!

describe('the throwaway registry', () => {
  beforeAll(async () => {
    sandbox = await createSandbox()
  })

  afterAll(async () => {
    await sandbox?.dispose()
  })

  it('listens on 127.0.0.1 and has no uplinks: an unknown package is a 404, not a download', async () => {
    expect(box().registry.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const response = await fetch(`${box().registry.url}/left-pad`)
    expect(response.status).toBe(404)
    expect(registryConfig('/tmp/x')).toContain('uplinks: {}')
  })

  it('accepts an anonymous npm publish and serves the package back to npm', async () => {
    const pkg = box().directory('fixture')
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: '@e2e/fixture', version: '1.2.3' }))
    const publish = await box().run('npm', ['publish', '--access', 'public'], pkg)
    expect(publish.code, describeRun('npm publish', publish)).toBe(0)
    const view = await box().run('npm', ['view', '@e2e/fixture', 'version'], pkg)
    expect(view.stdout.trim(), describeRun('npm view', view)).toBe('1.2.3')
  })

  it('points npm at the local registry only, with a cache of its own', () => {
    const { env, cache } = box().npm
    expect(env.npm_config_registry).toBe(`${box().registry.url}/`)
    expect(env.npm_config_cache).toBe(cache)
    expect(Object.keys(env).filter((key) => /^(VITEST|NX_)/.test(key))).toEqual([])
  })
})

it('dispose stops verdaccio by PID and removes the temp directory', async () => {
  const own = await createSandbox()
  const { pid } = own.registry
  expect(() => process.kill(pid, 0)).not.toThrow()
  await own.dispose()
  expect(() => process.kill(pid, 0)).toThrow()
  expect(existsSync(own.root)).toBe(false)
})

it('with an uplink, serves our own package names only locally and proxies everything else', () => {
  const config = registryConfig('/tmp/x', {
    uplink: 'https://registry.npmjs.org/',
    own: ['@verticals/core', 'create-vertical'],
  })
  expect(config).toContain('uplinks:\n  upstream:\n    url: "https://registry.npmjs.org/"')
  // Our names come before the catch-all rules and have no proxy line, so npmjs is never asked.
  const own = config.slice(config.indexOf('"@verticals/core":'), config.indexOf("'@*/*':"))
  expect(own).toContain('"create-vertical":')
  expect(own).not.toContain('proxy')
  expect(config.slice(config.indexOf("'**':"))).toContain('proxy: upstream')
})
