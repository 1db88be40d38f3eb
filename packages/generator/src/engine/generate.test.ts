import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { isPlatformError } from '@verticals/config-schema'
import { type Artifact, PLATFORM_DIR } from '@verticals/templates'
import { describe, expect, it } from 'vitest'
import { examplePlatform, exampleSource, fixtureRender } from '../testing/fixtures'
import { tempDir } from '../testing/temp-dir'
import { generate } from './generate'
import { sha256 } from './hash'

const example = examplePlatform()
const enabled = Object.values(example.platform.verticals)
  .filter((v) => v.enabled)
  .map((v) => v.name)

function thrown(fn: () => unknown): unknown {
  try {
    fn()
  } catch (error) {
    return error
  }
  throw new Error('expected a throw')
}

describe('generate', () => {
  it('renders every enabled vertical with the real templates, each file listed in the manifest with its sha256', () => {
    const result = generate(example.platform, { source: exampleSource(), configSha256: example.configSha256 })
    expect(result.verticals).toEqual(enabled)
    expect(result.partial).toBe(false)
    // Each vertical's directory, and the platform-wide one (the one Alertmanager config, the module of
    // the shared store marketplace, created once for its members, and the erasure relay's module).
    expect(new Set(result.files.map((f) => f.vertical))).toEqual(new Set([...enabled, PLATFORM_DIR]))
    const platformFiles = result.files.filter((f) => f.vertical === PLATFORM_DIR).map((f) => f.path)
    expect(platformFiles).toContain(`${PLATFORM_DIR}/monitoring/alertmanager/alertmanager.yaml`)
    expect(platformFiles).toContain(`${PLATFORM_DIR}/infrastructure/shared/marketplace/database.tf`)
    expect(platformFiles).toContain(`${PLATFORM_DIR}/infrastructure/shared/marketplace/cache-users.tf`)
    expect(platformFiles).toContain(`${PLATFORM_DIR}/infrastructure/erasure-relay/erasure-relay.tf`)
    expect(platformFiles).toHaveLength(16)
    expect(result.manifest.configSha256).toBe(example.configSha256)
    expect(result.manifest.files).toEqual(
      result.files.map(({ path, kind, vertical, content }) => ({
        path,
        kind,
        vertical,
        sha256: sha256(content),
      })),
    )
    const paths = result.files.map((f) => f.path)
    expect(paths).toEqual([...paths].sort())
    for (const file of result.files) {
      expect(file.path.startsWith(`${file.vertical}/`)).toBe(true)
      expect(file.content.endsWith('\n')).toBe(true)
      expect(file.content).not.toContain('\r')
    }
  })

  it("writes each vertical's migrations for its own schema and roles: a shared PostgreSQL member's are its own", () => {
    const result = generate(example.platform, { source: exampleSource(), configSha256: example.configSha256 })
    const first = (vertical: string) =>
      result.files.find((f) => f.path === `${vertical}/compliance/migrations/001-consent.sql`)?.content ?? ''
    // barber shares the marketplace PostgreSQL; psychology keeps its own.
    expect(first('barber')).toContain('\\set schema verticals_barber\n')
    expect(first('barber')).toContain(
      "SELECT set_config('verticals.owner_role', 'verticals_owner_barber', true);",
    )
    expect(first('barber')).toContain(
      "SELECT set_config('verticals.app_role', 'verticals_app_barber', true);",
    )
    expect(first('psychology')).toContain('\\set schema verticals\n')
    expect(first('psychology')).toContain(
      "SELECT set_config('verticals.owner_role', 'verticals_owner', true);",
    )
  })

  it('is deterministic: two runs give identical files and manifests', () => {
    const a = generate(example.platform, { source: exampleSource(), configSha256: example.configSha256 })
    const b = generate(example.platform, { source: exampleSource(), configSha256: example.configSha256 })
    expect(b).toEqual(a)
  })

  it('limits a run to the selected verticals and marks it partial', () => {
    const result = generate(example.platform, {
      source: exampleSource(),
      configSha256: 'c',
      verticals: ['psychology'],
      render: fixtureRender,
    })
    expect(result.verticals).toEqual(['psychology'])
    expect(result.partial).toBe(true)
    // The platform-wide files come from the whole config whatever the selection.
    expect(result.files.every((f) => /^(psychology|platform)\//.test(f.path))).toBe(true)
    const routed =
      result.files.find((f) => f.path === `${PLATFORM_DIR}/monitoring/alertmanager/alertmanager.yaml`)
        ?.content ?? ''
    for (const name of enabled) expect(routed).toContain(`vertical="${name}"`)
    const all = generate(example.platform, {
      source: exampleSource(),
      configSha256: 'c',
      verticals: enabled,
      render: fixtureRender,
    })
    expect(all.partial).toBe(false)
  })

  it('refuses unknown and disabled verticals with their codes', () => {
    const unknown = thrown(() =>
      generate(example.platform, { source: exampleSource(), configSha256: 'c', verticals: ['barbr'] }),
    )
    expect(isPlatformError(unknown) && unknown.code).toBe('VERTICAL_UNKNOWN')
    const verticals = {
      ...example.platform.verticals,
      beauty: { ...example.platform.verticals.beauty!, enabled: false },
    }
    const platform = { ...example.platform, verticals }
    const disabled = thrown(() =>
      generate(platform, { source: exampleSource(), configSha256: 'c', verticals: ['beauty'] }),
    )
    expect(isPlatformError(disabled) && disabled.code).toBe('VERTICAL_DISABLED')
    const result = generate(platform, { source: exampleSource(), configSha256: 'c', render: fixtureRender })
    expect(result.verticals).not.toContain('beauty')
  })

  it('refuses artifact paths that could escape the bundle or collide', () => {
    const evil = (path: string) => (): Artifact[] => [
      { path, kind: 'runbook', vertical: 'barber', content: 'x\n' },
    ]
    for (const path of [
      'barber/../../etc/passwd',
      '/barber/x.md',
      'psychology/x.md',
      'manifest.json',
      'barber',
    ]) {
      expect(() =>
        generate(example.platform, {
          source: exampleSource(),
          configSha256: 'c',
          verticals: ['barber'],
          render: evil(path),
        }),
      ).toThrow(/not a safe path/)
    }
    const doubled = (c: Parameters<typeof fixtureRender>[0]) => [...fixtureRender(c), ...fixtureRender(c)]
    expect(() =>
      generate(example.platform, { source: exampleSource(), configSha256: 'c', render: doubled }),
    ).toThrow(/share the path/)
    const mislabelled = (): Artifact[] => [
      { path: 'barber/x.md', kind: 'runbook', vertical: 'fitness', content: 'x\n' },
    ]
    expect(() =>
      generate(example.platform, {
        source: exampleSource(),
        configSha256: 'c',
        verticals: ['barber'],
        render: mislabelled,
      }),
    ).toThrow(/labelled fitness/)
  })

  it('reports progress once per vertical', () => {
    const seen: string[] = []
    generate(example.platform, {
      source: exampleSource(),
      configSha256: 'c',
      render: fixtureRender,
      onVertical: (e) => seen.push(e.vertical),
    })
    expect(seen).toEqual(enabled)
  })

  it('checks the templates directory: missing is an error, an override that replaces nothing is named', () => {
    const missing = thrown(() =>
      generate(example.platform, {
        source: exampleSource(),
        configSha256: 'c',
        templatesDir: '/nonexistent/templates',
      }),
    )
    expect(isPlatformError(missing) && missing.code).toBe('INVALID_ARGUMENT')
    const dir = tempDir()
    mkdirSync(join(dir, 'infrastructure'))
    writeFileSync(join(dir, 'infrastructure', 'no-such-template.md.hbs'), '# nothing\n')
    const unknown = thrown(() =>
      generate(example.platform, { source: exampleSource(), configSha256: 'c', templatesDir: dir }),
    )
    expect(isPlatformError(unknown) && unknown.message).toMatch(/no-such-template/)
  })
})
