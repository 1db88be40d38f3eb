import { randomBytes } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse, verticalView } from '@verticals/config-schema'
import { createPlatformFromEnv, loadPlatformConfig } from '@verticals/core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { parseAllDocuments } from 'yaml'
import { TEST_SERVICES } from '../../../../scripts/test-services.mjs'
import { exampleSource } from '../testing/fixtures'
import { tempDir } from '../testing/temp-dir'
import { generate } from './generate'

// One validated config: a service deployed from the bundle loads its vertical's view of the very
// platform the bundle was generated from. The pod's filesystem is laid out as the kubelet would: each
// key of the ConfigMap becomes a file under the container's mount path.

type Doc = { kind: string; metadata: { name: string }; data?: Record<string, string>; spec?: PodSpecHolder }
type PodSpecHolder = {
  template: {
    spec: {
      containers: {
        env: { name: string; value: string }[]
        volumeMounts: { name: string; mountPath: string }[]
      }[]
      volumes: { name: string; configMap?: { name: string } }[]
    }
  }
}

const source = exampleSource()
const expected = (() => {
  const result = parse(source.text, source.file)
  if (!result.ok) throw new Error('the example config is invalid')
  return result.platform
})()

/** The env of the vertical's first Deployment, with its ConfigMap mounts materialized under `root`. */
function podView(vertical: string, root: string): Record<string, string> {
  const bundle = generate(expected, { source, verticals: [vertical] })
  const docs = bundle.files
    .filter((f) => f.path.startsWith(`${vertical}/infrastructure/kubernetes/`))
    .flatMap((f) => parseAllDocuments(f.content).map((d) => d.toJS() as Doc))
  const deployment = docs.find((d) => d.kind === 'Deployment')
  if (!deployment?.spec) throw new Error(`no Deployment for ${vertical}`)
  const { containers, volumes } = deployment.spec.template.spec
  const container = containers[0]!
  for (const mount of container.volumeMounts) {
    const configMap = volumes.find((v) => v.name === mount.name)?.configMap
    if (!configMap) continue
    const doc = docs.find((d) => d.kind === 'ConfigMap' && d.metadata.name === configMap.name)
    mkdirSync(join(root, mount.mountPath), { recursive: true })
    for (const [key, value] of Object.entries(doc?.data ?? {}))
      writeFileSync(join(root, mount.mountPath, key), value)
  }
  // Absolute paths in the env point into the pod's filesystem, here rooted at `root`.
  return Object.fromEntries(
    container.env.map((e) => [e.name, e.value.startsWith('/') ? join(root, e.value) : e.value]),
  )
}

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('the resolved view in the generated ConfigMap', () => {
  it.each(['barber', 'psychology'])(
    "loads, in a %s pod, to the vertical's view of the ResolvedPlatform of the file itself",
    async (vertical) => {
      const env = podView(vertical, tempDir())
      expect(env.VERTICALS_VERTICAL).toBe(vertical)
      vi.stubEnv('VERTICALS_CONFIG', env.VERTICALS_CONFIG)
      expect(await loadPlatformConfig()).toEqual(verticalView(expected, vertical))
    },
  )

  it('is enough to start the runtime: createPlatformFromEnv reads the config and the vertical the Deployment sets', async () => {
    const env = podView('barber', tempDir())
    vi.stubEnv('VERTICALS_CONFIG', env.VERTICALS_CONFIG)
    vi.stubEnv('VERTICALS_VERTICAL', env.VERTICALS_VERTICAL)
    const suffix = randomBytes(5).toString('hex')
    // Not migrated: nothing is created in PostgreSQL or Redis, so nothing needs cleaning up.
    const platform = await createPlatformFromEnv({
      pg: TEST_SERVICES.pg,
      redis: TEST_SERVICES.redis,
      schema: `vx_test_${suffix}`,
      keyPrefix: `vx-test-${suffix}:`,
    })
    expect(platform.vertical).toBe('barber')
    await platform.close()
  })

  it('records the sha256 of the resolved config in the manifest unless told another, and each vertical its own', () => {
    const bundle = generate(expected, { source, verticals: ['barber'] })
    const told = generate(expected, { source, verticals: ['barber'], configSha256: 'f'.repeat(64) })
    const commented = generate(expected, { source: { ...source, text: `# note\n${source.text}` } })
    expect(bundle.manifest.configSha256).toMatch(/^[0-9a-f]{64}$/)
    expect(commented.manifest.configSha256).toBe(bundle.manifest.configSha256)
    expect(told.manifest.configSha256).toBe('f'.repeat(64))
    expect(told.files).toEqual(bundle.files)
    expect(told.manifest.verticals).toEqual(bundle.manifest.verticals)
    const deployment = bundle.files.find(
      (f) => f.path === 'barber/infrastructure/kubernetes/deployments.yaml',
    )
    expect(deployment?.content).toContain(
      `verticals.dev/config-sha256: ${bundle.manifest.verticals.barber?.configSha256}`,
    )
  })
})
