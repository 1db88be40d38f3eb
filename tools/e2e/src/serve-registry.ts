// `npm run registry`: serves this clone's packages from a local verdaccio, so a new user can try
// `npx create-vertical` before the packages are on a public registry. Every other package comes
// from the registry npm was already using. Runs until Ctrl-C, then removes everything it made.
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { cleanEnv, npmSandbox } from './npm-env.ts'
import { ProcessTracker } from './processes.ts'
import { assertBuilt, publishEach } from './publish.ts'
import { startRegistry } from './registry.ts'
import { DEFAULT_PORT, tryItCommands } from './try-it.ts'
import { listPublicPackages } from './workspace.ts'

const PUBLIC_REGISTRY = 'https://registry.npmjs.org/'

/** Sends SIGKILL to a process that may have exited already. */
function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL')
  } catch {
    // ESRCH: gone already.
  }
}

/** Whether something already listens on 127.0.0.1:port. */
function taken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer()
    server.once('error', () => resolve(true))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(false)))
  })
}

/** The registry npm was using (npm run passes it as npm_config_registry), unless that is ours. */
function upstream(port: number): string {
  const configured = process.env.npm_config_registry
  if (!configured) return PUBLIC_REGISTRY
  const url = new URL(configured)
  const local = ['127.0.0.1', 'localhost'].includes(url.hostname) && Number(url.port) === port
  return local ? PUBLIC_REGISTRY : configured
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { port: { type: 'string', default: String(DEFAULT_PORT) } } })
  const wanted = Number(values.port)
  if (!Number.isInteger(wanted) || wanted < 0 || wanted > 65535) {
    console.error(`registry: --port ${values.port} is not a port number`)
    return 2
  }
  if (wanted !== 0 && (await taken(wanted))) {
    console.error(`registry: 127.0.0.1:${wanted} is taken (is a registry already running?).`)
    console.error(`Stop it, or pick another port: npm run registry -- --port ${wanted + 1}`)
    return 1
  }
  const packages = listPublicPackages()
  assertBuilt(packages)
  const root = mkdtempSync(join(tmpdir(), 'verticals-registry-'))
  // verdaccio stays in our process group: whoever stops the group stops it too, even with SIGKILL
  // (a test ending `npm run registry`), and the tracker kills it when a signal ends us; the files go
  // with it.
  const tracker = new ProcessTracker({ ownGroups: false })
  let verdaccio: number | undefined
  // verdaccio may still be writing a package it fetched into storage: stop it before removing the files,
  // and retry the removal while its last writes land (rmSync retries ENOTEMPTY).
  const removeFiles = () => {
    if (verdaccio !== undefined) killQuietly(verdaccio)
    rmSync(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 })
  }
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, removeFiles)
  const uplink = upstream(wanted)
  const own = packages.map((pkg) => pkg.manifest.name)
  const registry = await startRegistry(tracker, root, cleanEnv(), { port: wanted, uplink, own })
  verdaccio = registry.pid
  const npm = npmSandbox(root, registry.url)
  console.error(`Publishing ${packages.length} packages to ${registry.url}/ ...`)
  await publishEach(packages, registry.url, npm.userconfig, (args, cwd) =>
    tracker.run('npm', args, { cwd, env: npm.env, timeoutMs: 5 * 60_000 }),
  )
  const list = packages.map((pkg) => `${pkg.manifest.name}@${pkg.manifest.version}`).join(', ')
  process.stdout.write(
    [
      `Serving this clone's packages at ${registry.url}/`,
      `  ${list}`,
      `  (anything else comes from ${uplink})`,
      '',
      'In another terminal, outside this clone:',
      ...tryItCommands(`${registry.url}/`).map((line) => `  ${line}`),
      '',
      'Press Ctrl-C to stop; the registry and its storage are removed.',
      '',
    ].join('\n'),
  )
  // Serve until a signal; if verdaccio dies on its own, say so and end.
  return new Promise((resolve) => {
    const exited = setInterval(() => {
      try {
        process.kill(registry.pid, 0)
      } catch {
        clearInterval(exited)
        console.error(`registry: verdaccio stopped unexpectedly:\n${registry.log()}`)
        removeFiles()
        resolve(1)
      }
    }, 1000)
  })
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    console.error(`registry: ${error instanceof Error ? error.message : String(error)}`)
    process.exitCode = 1
  },
)
