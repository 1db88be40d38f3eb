import { writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { dirname, join } from 'node:path'
import { delay, type ProcessTracker } from './processes.ts'

/** A running throwaway registry. */
export interface LocalRegistry {
  readonly url: string
  readonly port: number
  /** PID of the verdaccio process (leader of its own process group). */
  readonly pid: number
  /** Everything verdaccio logged, for failure messages. */
  log(): string
}

/** Asks the OS for a free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/** Where a registry gets the packages it does not hold itself. */
export interface RegistryOptions {
  /** Port to listen on; 0 (the default) asks the OS for a free one. */
  readonly port?: number
  /** Registry to proxy for every package not in `own` (none: an unknown package is a 404). */
  readonly uplink?: string
  /** Package names served only from this registry, never looked up upstream. */
  readonly own?: readonly string[]
}

const LOCAL_ONLY = ['    access: $all', '    publish: $anonymous', '    unpublish: $anonymous']

/**
 * Verdaccio config: storage in the temp dir, anonymous publish, no web UI, bodies large enough for
 * typescript. Without an uplink a package we did not publish is a 404, never a download; with one,
 * our own packages are still never looked up upstream, so a public package of the same name can
 * never stand in for them.
 */
export function registryConfig(storage: string, options: RegistryOptions = {}): string {
  const proxied = options.uplink ? [...LOCAL_ONLY.slice(0, 1), '    proxy: upstream'] : LOCAL_ONLY
  return [
    `storage: ${JSON.stringify(storage)}`,
    'auth:',
    '  htpasswd:',
    `    file: ${JSON.stringify(join(storage, 'htpasswd'))}`,
    '    max_users: -1',
    ...(options.uplink
      ? ['uplinks:', '  upstream:', `    url: ${JSON.stringify(options.uplink)}`, '    timeout: 60s']
      : ['uplinks: {}']),
    'packages:',
    ...(options.uplink
      ? (options.own ?? []).flatMap((name) => [`  ${JSON.stringify(name)}:`, ...LOCAL_ONLY])
      : []),
    "  '@*/*':",
    ...proxied,
    "  '**':",
    ...proxied,
    'web:',
    '  enable: false',
    'max_body_size: 500mb',
    'server:',
    '  keepAliveTimeout: 60',
    'log: { type: stdout, format: pretty, level: warn }',
    '',
  ].join('\n')
}

/** Path of the verdaccio executable script installed for this workspace. */
function verdaccioBin(): string {
  const require = createRequire(import.meta.url)
  return join(dirname(require.resolve('verdaccio/package.json')), 'bin', 'verdaccio')
}

/** Starts verdaccio on 127.0.0.1 (a free port unless one is given) with a config in `dir`; waits until it answers. */
export async function startRegistry(
  tracker: ProcessTracker,
  dir: string,
  env: NodeJS.ProcessEnv,
  options: RegistryOptions = {},
): Promise<LocalRegistry> {
  const port = options.port || (await freePort())
  const config = join(dir, 'verdaccio.yaml')
  writeFileSync(config, registryConfig(join(dir, 'storage'), options))
  const child = tracker.start(
    process.execPath,
    [verdaccioBin(), '--config', config, '--listen', `127.0.0.1:${port}`],
    {
      cwd: dir,
      env,
    },
  )
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`verdaccio exited ${child.exitCode}:\n${output}`)
    const ok = await fetch(`${url}/-/ping`).then(
      (response) => response.ok,
      () => false,
    )
    if (ok) return { url, port, pid: child.pid!, log: () => output }
    await delay(250)
  }
  throw new Error(`verdaccio did not answer on ${url} within 60 s:\n${output}`)
}
