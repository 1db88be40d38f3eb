// A kubelet for one Deployment of a generated bundle, on this machine: materializes the pod's
// ConfigMap volumes into a temp directory that stands in for their mount paths, resolves the
// container's env from the bundle (secrets through the ExternalSecret and a test Secrets Manager),
// starts the image's command with exactly that env, waits on the readiness probe and stops it with
// SIGTERM within terminationGracePeriodSeconds. Every mismatch between the bundle and the service
// fails with a message naming both sides; nothing is repaired.
import type { ChildProcess } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { delay, type ProcessTracker } from '../processes.ts'
import type { ImageSpec } from './dockerfile.ts'
import { type Container, find, type K8sObject, type PodSpec, podSpec } from './manifests.ts'
import { containerEnv, type RemoteSecrets } from './pod-env.ts'

// Kubernetes' default when a pod spec does not say.
const DEFAULT_GRACE_SECONDS = 30

/** What to run: a Deployment of a bundle, the image it names (its Dockerfile) and where its files are. */
export interface PodRequest {
  readonly objects: readonly K8sObject[]
  readonly deployment: string
  readonly image: ImageSpec
  /** The directory that stands in for the image's WORKDIR (the service's source tree). */
  readonly workdir: string
  readonly secrets: RemoteSecrets
  /** A fresh temp directory for the mounted volumes. */
  readonly scratch: string
  /** Milliseconds to wait for the readiness probe to pass. */
  readonly readyTimeoutMs: number
  /**
   * What EKS's pod identity webhook adds to a container whose ServiceAccount names an IAM role
   * (IRSA): the AWS SDK's credentials and, here, the endpoint of the S3 that stands in for AWS. Given
   * only to a pod whose ServiceAccount carries the role annotation, as the webhook does.
   */
  readonly podIdentity?: Readonly<Record<string, string>>
}

/** The ServiceAccount annotation that makes EKS inject a role's web identity (IRSA). */
export const IRSA_ROLE_ANNOTATION = 'eks.amazonaws.com/role-arn'

/** A started pod. */
export interface RunningPod {
  /** `http://127.0.0.1:<containerPort>`. */
  readonly url: string
  readonly env: Readonly<Record<string, string>>
  readonly command: readonly string[]
  readonly graceSeconds: number
  /** Everything the service printed so far. */
  log(): string
  /** Sends SIGTERM (to the service's PID, as a container runtime does) and resolves with how it ended. */
  terminate(): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>
}

// The ConfigMap volumes, each written as files into its own directory under scratch.
function mountVolumes(
  objects: readonly K8sObject[],
  deployment: string,
  pod: PodSpec,
  container: Container,
  scratch: string,
) {
  const mounts = new Map<string, string>()
  for (const mount of container.volumeMounts ?? []) {
    const volume = pod.volumes?.find((v) => v.name === mount.name)
    if (volume === undefined) {
      throw new Error(
        `Deployment ${deployment} mounts volume "${mount.name}" at ${mount.mountPath}, but its pod declares no such volume`,
      )
    }
    const dir = join(scratch, 'volumes', mount.name)
    mkdirSync(dir, { recursive: true })
    if (volume.configMap) {
      const configMap = find(
        objects,
        'ConfigMap',
        volume.configMap.name,
        `Deployment ${deployment} mounts the ConfigMap "${volume.configMap.name}" at ${mount.mountPath}`,
      )
      for (const [key, value] of Object.entries((configMap.data ?? {}) as Record<string, string>)) {
        writeFileSync(join(dir, key), value)
      }
    }
    // An emptyDir stays an empty directory; the service itself writes to /tmp on this machine.
    if (!volume.emptyDir || mount.mountPath !== '/tmp') mounts.set(mount.mountPath, dir)
  }
  return mounts
}

// The container port the readiness probe names, by name or number.
function probePort(deployment: string, container: Container): { port: number; path: string } {
  const probe = container.readinessProbe?.httpGet
  if (probe === undefined) throw new Error(`Deployment ${deployment} has no httpGet readiness probe`)
  if (typeof probe.port === 'number') return { port: probe.port, path: probe.path }
  const named = container.ports?.find((p) => p.name === probe.port)
  if (named === undefined) {
    throw new Error(
      `Deployment ${deployment}'s readiness probe uses port "${probe.port}", which no container port is named`,
    )
  }
  return { port: named.containerPort, path: probe.path }
}

// The Service in front of the Deployment must reach that container port too.
function checkService(objects: readonly K8sObject[], deployment: string, container: Container, port: number) {
  const service = find(objects, 'Service', deployment, `Deployment ${deployment} serves HTTP on ${port}`)
  const ports = ((service.spec as { ports?: { targetPort: number | string }[] }).ports ?? []).map(
    (p) => p.targetPort,
  )
  const reaches = ports.some(
    (t) => t === port || container.ports?.some((p) => p.name === t && p.containerPort === port),
  )
  if (!reaches) {
    throw new Error(
      `Service ${deployment} targets ports ${JSON.stringify(ports)}, but Deployment ${deployment} listens on containerPort ${port}`,
    )
  }
}

// Kubernetes' rule: `command` replaces the image's ENTRYPOINT, `args` its CMD.
function commandOf(container: Container, image: ImageSpec): string[] {
  const command = [...(container.command ?? image.entrypoint), ...(container.args ?? image.cmd)]
  if (command.length === 0) throw new Error('neither the Deployment nor the Dockerfile gives a command')
  return command
}

/** Starts the pod and waits until its readiness probe answers 200. */
export async function runPod(tracker: ProcessTracker, request: PodRequest): Promise<RunningPod> {
  const { objects, deployment } = request
  const object = find(objects, 'Deployment', deployment, 'the test runs it')
  const pod = podSpec(object)
  const container = pod.containers[0] as Container
  const account =
    pod.serviceAccountName === undefined
      ? undefined
      : find(
          objects,
          'ServiceAccount',
          pod.serviceAccountName,
          `Deployment ${deployment} runs as ServiceAccount "${pod.serviceAccountName}"`,
        )
  const irsa = account?.metadata.annotations?.[IRSA_ROLE_ANNOTATION]
  const mounts = mountVolumes(objects, deployment, pod, container, request.scratch)
  const env = {
    ...containerEnv(objects, deployment, container, request.secrets, mounts),
    ...(irsa === undefined ? {} : request.podIdentity),
  }
  const { port, path } = probePort(deployment, container)
  checkService(objects, deployment, container, port)
  const command = commandOf(container, request.image)
  // `node` is this machine's node (an absolute path), so the env needs no PATH: it is exactly the Deployment's.
  const [program = '', ...args] = command
  const executable = program === 'node' ? process.execPath : program
  const child: ChildProcess = tracker.start(executable, args, { cwd: request.workdir, env })
  let log = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    log += chunk.toString()
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    log += chunk.toString()
  })
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + request.readyTimeoutMs
  let last = 'no answer'
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `the service (${command.join(' ')}) exited ${child.exitCode ?? child.signalCode} before Deployment ${deployment}'s readiness probe ${path} on containerPort ${port} passed; env names: ${Object.keys(env).join(', ')}\n--- service log\n${log}`,
      )
    }
    try {
      const res = await fetch(`${url}${path}`, { signal: AbortSignal.timeout(2000) })
      last = `${res.status} ${await res.text()}`
      if (res.status === 200) break
    } catch (error) {
      last = (error as Error).message
    }
    if (Date.now() > deadline) {
      await tracker.stop(child)
      const said = /"port":(\d+)/.exec(log)?.[1]
      const listens = said === undefined ? '' : `; the service says it listens on ${said}`
      throw new Error(
        `Deployment ${deployment}'s readiness probe GET ${path} on containerPort ${port} did not pass within ${request.readyTimeoutMs} ms (last: ${last})${listens}; the service was given ${Object.keys(env).join(', ')}\n--- service log\n${log}`,
      )
    }
    await delay(250)
  }
  const graceSeconds = pod.terminationGracePeriodSeconds ?? DEFAULT_GRACE_SECONDS
  return {
    url,
    env,
    command,
    graceSeconds,
    log: () => log,
    async terminate() {
      const started = Date.now()
      if (child.pid !== undefined) process.kill(child.pid, 'SIGTERM')
      const timer = delay(graceSeconds * 1000).then(() => 'timeout' as const)
      const ended = await Promise.race([exited, timer])
      if (ended === 'timeout') {
        await tracker.stop(child, 0)
        return { code: null, signal: 'SIGKILL' as NodeJS.Signals, ms: Date.now() - started }
      }
      return { ...ended, ms: Date.now() - started }
    },
  }
}
