import { describe, expect, it } from 'vitest'
import { parseAllDocuments } from 'yaml'
import { buildAll, examplePlatform } from '../testing'

// The Polaris / Checkov checks of "danger" level (and Pod Security Admission "restricted"), asserted on
// every pod template of every generated workload.
type Pod = {
  hostNetwork?: boolean
  hostPID?: boolean
  hostIPC?: boolean
  automountServiceAccountToken?: boolean
  securityContext?: Record<string, unknown>
  containers: Container[]
  volumes?: { name: string; emptyDir?: object }[]
}
type Container = {
  name: string
  image: string
  imagePullPolicy?: string
  securityContext: Record<string, unknown> & { capabilities?: { drop?: string[]; add?: string[] } }
  resources: { requests?: Record<string, string>; limits?: Record<string, string> }
  livenessProbe?: object
  readinessProbe?: object
  volumeMounts?: { name: string; mountPath: string }[]
}

const documents = buildAll(examplePlatform())
  .filter((a) => a.kind === 'kubernetes')
  .flatMap((a) => parseAllDocuments(a.content).map((d) => ({ path: a.path, doc: d.toJS() })))
const pods = documents
  .filter(({ doc }) => doc.kind === 'Deployment')
  .map(({ path, doc }) => [`${path} ${doc.metadata.name}`, doc.spec.template.spec as Pod] as const)
const containers = pods.flatMap(([name, pod]) =>
  pod.containers.map((c) => [`${name}/${c.name}`, c, pod] as const),
)

describe('security defaults of every generated workload', () => {
  it('finds the workloads of all four verticals, and their postgres and redis exporters', () => {
    expect(pods).toHaveLength(6 + 4 * 2)
  })

  it.each(pods)(
    '%s: no host namespaces, no service-account token, non-root with RuntimeDefault seccomp',
    (_n, pod) => {
      expect(pod.hostNetwork).not.toBe(true)
      expect(pod.hostPID).not.toBe(true)
      expect(pod.hostIPC).not.toBe(true)
      expect(pod.automountServiceAccountToken).toBe(false)
      expect(pod.securityContext).toMatchObject({
        runAsNonRoot: true,
        seccompProfile: { type: 'RuntimeDefault' },
      })
    },
  )

  it.each(containers)(
    '%s: runAsNonRoot, read-only root, no privilege escalation, drop ALL, seccomp',
    (_n, c) => {
      expect(c.securityContext.runAsNonRoot).toBe(true)
      expect(c.securityContext.readOnlyRootFilesystem).toBe(true)
      expect(c.securityContext.allowPrivilegeEscalation).toBe(false)
      expect(c.securityContext.privileged).not.toBe(true)
      expect(c.securityContext.capabilities?.drop).toEqual(['ALL'])
      expect(c.securityContext.capabilities?.add).toBeUndefined()
      expect(c.securityContext.seccompProfile).toEqual({ type: 'RuntimeDefault' })
    },
  )

  it.each(containers)('%s: CPU and memory requests and limits, liveness and readiness probes', (_n, c) => {
    for (const kind of ['requests', 'limits'] as const) {
      expect(c.resources[kind]?.cpu, kind).toMatch(/^\d+m?$/)
      expect(c.resources[kind]?.memory, kind).toMatch(/^\d+(Ki|Mi|Gi|Ti)?$/)
    }
    expect(c.livenessProbe).toBeDefined()
    expect(c.readinessProbe).toBeDefined()
  })

  it.each(containers)('%s: a pinned image tag, never latest', (_n, c) => {
    const tag = c.image.slice(c.image.lastIndexOf(':') + 1)
    expect(c.image).toContain(':')
    expect(tag).not.toBe('latest')
    expect(tag).not.toContain('/')
    expect(c.imagePullPolicy).toBe('Always')
  })

  it.each(containers)(
    '%s: a writable /tmp from an emptyDir, since the root filesystem is read-only',
    (_n, c, pod) => {
      const mount = c.volumeMounts?.find((m) => m.mountPath === '/tmp')
      expect(mount).toBeDefined()
      expect(pod.volumes?.find((v) => v.name === mount?.name)?.emptyDir).toEqual({ sizeLimit: '512Mi' })
    },
  )
})
