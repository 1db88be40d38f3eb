import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse, serializeVerticalView, verticalView } from '@verticals/config-schema'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { KeySpace } from './keys'
import { loadPlatformConfig } from './load-config'

const EXAMPLE = fileURLToPath(
  new URL('../../../examples/argentina-marketplace/platform.yaml', import.meta.url),
)
const dirs: string[] = []
afterEach(() => {
  vi.unstubAllEnvs()
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('loadPlatformConfig', () => {
  it('returns the resolved example config', async () => {
    const config = await loadPlatformConfig(EXAMPLE)
    expect(config.metadata.name).toBe('turnos')
    expect(config.dataClasses['session-notes']?.cacheTtl).toBe(0)
  })

  it('throws CONFIG_INVALID with every diagnostic', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vx-core-'))
    dirs.push(dir)
    const file = join(dir, 'platform.yaml')
    writeFileSync(file, 'apiVersion: verticals/v1\nkind: Platform\nmetadta: {}\n')
    const error = await loadPlatformConfig(file).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'CONFIG_INVALID' })
    const diagnostics = (error as { diagnostics: { path: string; line: number }[] }).diagnostics
    expect(diagnostics.length).toBeGreaterThan(1)
    expect(diagnostics.some((d) => d.path === 'metadta' && d.line === 3)).toBe(true)
  })

  it('throws CONFIG_UNREADABLE for a missing file', async () => {
    await expect(loadPlatformConfig('/nonexistent/platform.yaml')).rejects.toMatchObject({
      code: 'CONFIG_UNREADABLE',
    })
  })
})

describe('loadPlatformConfig of a resolved view (the runtime ConfigMap)', () => {
  const write = (name: string, text: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'vx-core-'))
    dirs.push(dir)
    writeFileSync(join(dir, name), text)
    return join(dir, name)
  }

  it('returns the vertical view exactly as generated, without parsing YAML', async () => {
    const full = await loadPlatformConfig(EXAMPLE)
    const file = write('resolved.json', serializeVerticalView(full, 'psychology'))
    const view = await loadPlatformConfig(file)
    expect(view).toEqual(verticalView(full, 'psychology'))
    expect(Object.keys(view.verticals)).toEqual(['psychology'])
    expect(Object.isFrozen(view.compute)).toBe(true)
  })

  it('still reads a platform.yaml written as JSON as a config, with its diagnostics', async () => {
    const file = write('platform.json', '{"apiVersion": "verticals/v1", "kind": "Platform"}')
    await expect(loadPlatformConfig(file)).rejects.toMatchObject({ code: 'CONFIG_INVALID' })
  })

  it('throws CONFIG_INVALID naming the file and the problem of a view it cannot use', async () => {
    const full = parse(readFileSync(EXAMPLE, 'utf8'))
    if (!full.ok) throw new Error('the example is invalid')
    const view = JSON.parse(serializeVerticalView(full.platform, 'barber'))
    const file = write('resolved.json', JSON.stringify({ ...view, vertical: 'beauty' }))
    const error = await loadPlatformConfig(file).catch((e: unknown) => e)
    expect(error).toMatchObject({
      code: 'CONFIG_INVALID',
      message: `${file} is not a usable resolved view: its platform is not the view of vertical "beauty" alone`,
    })
  })
})

describe('loadPlatformConfig without a path', () => {
  it('reads the file VERTICALS_CONFIG names, as the generated Deployments set it', async () => {
    vi.stubEnv('VERTICALS_CONFIG', EXAMPLE)
    expect(await loadPlatformConfig()).toEqual(await loadPlatformConfig(EXAMPLE))
  })

  it('prefers an explicit path to the environment', async () => {
    vi.stubEnv('VERTICALS_CONFIG', '/nonexistent/platform.yaml')
    expect((await loadPlatformConfig(EXAMPLE)).metadata.name).toBe('turnos')
  })

  it('throws CONFIG_UNREADABLE naming the variable when neither is given (empty counts as unset)', async () => {
    vi.stubEnv('VERTICALS_CONFIG', '')
    const error = await loadPlatformConfig().catch((e: unknown) => e)
    expect(error).toMatchObject({
      code: 'CONFIG_UNREADABLE',
      message: expect.stringContaining('VERTICALS_CONFIG'),
    })
    expect((error as { hint: string }).hint).toContain('VERTICALS_CONFIG')
  })

  it('names the variable when the file it points to cannot be read', async () => {
    vi.stubEnv('VERTICALS_CONFIG', '/nonexistent/platform.yaml')
    await expect(loadPlatformConfig()).rejects.toMatchObject({
      code: 'CONFIG_UNREADABLE',
      message: expect.stringMatching(/\/nonexistent\/platform\.yaml \(from VERTICALS_CONFIG\)/),
    })
  })
})

describe('KeySpace', () => {
  it('namespaces keys by prefix, platform, vertical and data class', async () => {
    const keys = new KeySpace(await loadPlatformConfig(EXAMPLE), 'psychology', 't:')
    expect(keys.prefixOf('user-profiles')).toBe('t:turnos:psychology:user-profiles:')
    expect(keys.consent('health-care', 's1')).toBe('t:turnos:psychology:~consent:health-care:s1')
    expect(() => keys.prefixOf('portfolio-images')).toThrow(
      expect.objectContaining({ code: 'DATA_CLASS_UNKNOWN' }),
    )
  })
})
