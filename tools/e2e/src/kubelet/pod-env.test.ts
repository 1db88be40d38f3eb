import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readImageSpec } from './dockerfile.ts'
import type { Container, K8sObject } from './manifests.ts'
import { containerEnv, mapMounted } from './pod-env.ts'

const store: K8sObject = {
  apiVersion: 'external-secrets.io/v1',
  kind: 'SecretStore',
  metadata: { name: 'aws' },
}
const external: K8sObject = {
  apiVersion: 'external-secrets.io/v1',
  kind: 'ExternalSecret',
  metadata: { name: 'runtime' },
  spec: {
    secretStoreRef: { name: 'aws', kind: 'SecretStore' },
    target: { name: 'runtime' },
    data: [{ secretKey: 'database-url', remoteRef: { key: 'p-v/runtime', property: 'database_url' } }],
  },
}
const remote = { 'p-v/runtime': { database_url: 'postgres://db/x' } }
const mounts = new Map([['/etc/verticals', '/tmp/stand-in']])
const container = (env: Container['env']): Container => ({ name: 'api', env })

describe('the container env a kubelet would give', () => {
  it('resolves values, maps mounted paths and reads Secret keys through the ExternalSecret', () => {
    const env = containerEnv(
      [store, external],
      'api',
      container([
        { name: 'CONFIG', value: '/etc/verticals/platform.yaml' },
        { name: 'DB', valueFrom: { secretKeyRef: { name: 'runtime', key: 'database-url' } } },
      ]),
      remote,
      mounts,
    )
    expect(env).toEqual({ CONFIG: '/tmp/stand-in/platform.yaml', DB: 'postgres://db/x' })
    expect(mapMounted('/etc/verticalsX', mounts)).toBe('/etc/verticalsX')
  })

  it('fails naming both sides when the Deployment reads a key the ExternalSecret does not make', () => {
    const env = container([{ name: 'DB', valueFrom: { secretKeyRef: { name: 'runtime', key: 'db-url' } } }])
    expect(() => containerEnv([store, external], 'api', env, remote, mounts)).toThrow(
      'Deployment api env DB reads key "db-url" of Secret "runtime", but that Secret gets only the keys database-url',
    )
  })

  it('fails when the Secret, its store or its remote value is missing', () => {
    const env = container([{ name: 'DB', valueFrom: { secretKeyRef: { name: 'other', key: 'k' } } }])
    expect(() => containerEnv([store, external], 'api', env, remote, mounts)).toThrow(
      'Deployment api env DB reads the Secret "other", but the bundle has no Secret "other"',
    )
    const ok = container([
      { name: 'DB', valueFrom: { secretKeyRef: { name: 'runtime', key: 'database-url' } } },
    ])
    expect(() => containerEnv([external], 'api', ok, remote, mounts)).toThrow(
      'the bundle has no SecretStore "aws"',
    )
    expect(() => containerEnv([store, external], 'api', ok, {}, mounts)).toThrow(
      'ExternalSecret runtime fills key "database-url" from Secrets Manager "p-v/runtime" property "database_url"',
    )
  })
})

describe('readImageSpec', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dockerfile-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const write = (text: string) => {
    const file = join(dir, 'Dockerfile')
    writeFileSync(file, text)
    return file
  }

  it('reads the final stage: user, port, exec-form command and written paths', () => {
    const spec = readImageSpec(
      write(
        'FROM a AS build\nUSER 0\nFROM b\nWORKDIR /app\nRUN mkdir -p /tmp/x \\\n && touch /var/y\nUSER 10001:10001\nEXPOSE 8080\nCMD ["node", "main.js"]\n',
      ),
    )
    expect(spec).toMatchObject({
      user: '10001:10001',
      workdir: '/app',
      exposed: [8080],
      command: ['node', 'main.js'],
      written: ['/tmp/x', '/var/y'],
      stages: ['a AS build', 'b'],
    })
  })

  it('refuses a shell-form command, which would keep SIGTERM from node', () => {
    expect(() => readImageSpec(write('FROM b\nCMD node main.js\n'))).toThrow('shell form')
  })
})
