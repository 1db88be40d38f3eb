// Each service's Dockerfile, held against the Deployment that runs its image (docker build cannot
// run on these machines): a multi-stage build, a numeric non-root USER equal to the contract's and the
// pod's user, the container port exposed, an exec-form command whose entry file the service ships,
// and nothing written outside the emptyDir the pod mounts (the root filesystem is read-only).
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from '@verticals/config-schema'
import { generate } from '@verticals/generator'
import { CONTAINER_USER, WRITABLE_MOUNT } from '@verticals/observability'
import { describe, expect, it } from 'vitest'
import { parseAllDocuments } from 'yaml'
import { readImageSpec } from './kubelet/dockerfile.ts'
import { type Container, find, type K8sObject, type PodSpec, podSpec } from './kubelet/manifests.ts'
import { repoRoot } from './workspace.ts'

const barber = join(repoRoot, 'apps', 'example-barber')
const template = join(repoRoot, 'packages', 'create-vertical', 'template')

// The Kubernetes objects the scaffold template's platform.yaml generates, as create-vertical writes them.
function templateObjects(): K8sObject[] {
  const text = readFileSync(join(template, 'platform.yaml'), 'utf8')
  const parsed = parse(text, 'platform.yaml')
  if (!parsed.ok) throw new Error('the template platform.yaml is invalid')
  const { files } = generate(parsed.platform, { source: { file: 'platform.yaml', text } })
  return files
    .filter((f) => f.path.includes('/infrastructure/kubernetes/'))
    .flatMap((f) => parseAllDocuments(f.content).map((d) => d.toJS() as K8sObject))
}

function barberObjects(): K8sObject[] {
  const text = readFileSync(
    join(barber, 'bundle', 'barber', 'infrastructure', 'kubernetes', 'deployments.yaml'),
    'utf8',
  )
  return parseAllDocuments(text).map((d) => d.toJS() as K8sObject)
}

const cases = [
  { name: 'apps/example-barber', dir: barber, objects: barberObjects },
  { name: 'the create-vertical template', dir: template, objects: templateObjects },
] as const

describe.each(cases)('the Dockerfile of $name', ({ dir, objects }) => {
  const file = join(dir, 'Dockerfile')
  const image = readImageSpec(file)
  const pod: PodSpec = podSpec(find(objects(), 'Deployment', 'api', 'the image runs as the api workload'))
  const container = pod.containers[0] as Container

  it('builds in stages, so compilers and dev dependencies stay out of the image', () => {
    expect(image.stages.length, `${file} has ${image.stages.length} FROM`).toBeGreaterThanOrEqual(2)
  })

  it('runs as the numeric, non-root user of the contract and of the pod', () => {
    const want = `${CONTAINER_USER.uid}:${CONTAINER_USER.gid}`
    expect(image.user, `${file} USER vs the deployment contract's CONTAINER_USER ${want}`).toBe(want)
    expect(CONTAINER_USER.uid).toBeGreaterThan(0)
    for (const [side, uid] of [
      ['pod securityContext.runAsUser', pod.securityContext?.runAsUser],
      ['container securityContext.runAsUser', container.securityContext?.runAsUser],
    ] as const) {
      if (uid !== undefined)
        expect(uid, `${file} USER ${image.user} vs the Deployment's ${side}`).toBe(CONTAINER_USER.uid)
    }
    if (pod.securityContext?.runAsGroup !== undefined) {
      expect(pod.securityContext.runAsGroup, `${file} USER ${image.user} vs runAsGroup`).toBe(
        CONTAINER_USER.gid,
      )
    }
  })

  it('exposes exactly the container port', () => {
    const ports = (container.ports ?? []).map((p) => p.containerPort)
    expect(image.exposed, `${file} EXPOSE vs the Deployment's containerPort`).toEqual(ports)
  })

  it('starts node on an entry file the service ships, in exec form, as npm start does', () => {
    expect(container.command, 'the Deployment leaves the command to the image').toBeUndefined()
    expect(image.command[0]).toBe('node')
    const entry = image.command[1] ?? ''
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>
    }
    expect(manifest.scripts.start, `${file} CMD vs package.json's start script`).toBe(
      `exec ${image.command.join(' ')}`,
    )
    // dist/ is built by the build stage (its tsup entry is src/main.ts); src/ is copied as it is.
    const shipped = entry.startsWith('dist/')
      ? existsSync(join(dir, 'src', 'main.ts'))
      : existsSync(join(dir, entry))
    expect(shipped, `${file} CMD runs ${entry}, which ${dir} does not provide`).toBe(true)
  })

  it('writes nothing outside the emptyDir the pod mounts; the root filesystem is read-only', () => {
    expect(container.securityContext?.readOnlyRootFilesystem).toBe(true)
    const writable = (container.volumeMounts ?? []).filter((m) => !m.readOnly)
    expect(writable.map((m) => m.mountPath)).toEqual([WRITABLE_MOUNT])
    expect(pod.volumes?.find((v) => v.name === writable[0]?.name)?.emptyDir).toBeDefined()
    const outside = image.written.filter(
      (path) => path !== WRITABLE_MOUNT && !path.startsWith(`${WRITABLE_MOUNT}/`),
    )
    expect(outside, `${file} writes outside ${WRITABLE_MOUNT} in its final stage`).toEqual([])
    const text = readFileSync(file, 'utf8')
    const final = text.slice(text.lastIndexOf('\nFROM '))
    expect(final, `${file}: files the service could rewrite at run time`).not.toMatch(/--chown=/)
    expect(final).not.toMatch(/^VOLUME/m)
  })
})
