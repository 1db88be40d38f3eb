import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type DependencyRequest, dependencyClosure } from './dependency-closure.ts'
import { mirrorPackages } from './mirror.ts'
import { cleanEnv, type NpmSandbox, npmSandbox } from './npm-env.ts'
import { ProcessTracker, type RunResult } from './processes.ts'
import { type LocalRegistry, startRegistry } from './registry.ts'
import { repoRoot } from './workspace.ts'

/** A temp directory with a running local registry and an npm pointed only at it. */
export interface Sandbox {
  readonly root: string
  readonly registry: LocalRegistry
  readonly npm: NpmSandbox
  /** Runs a command in `cwd` with the sandboxed npm environment. */
  run(command: string, args: readonly string[], cwd: string, timeoutMs?: number): Promise<RunResult>
  /** Makes the third-party dependencies of `requests` installable from the local registry. */
  mirror(requests: readonly DependencyRequest[]): Promise<void>
  /** A new empty directory under the sandbox root. */
  directory(name: string): string
  /** Stops every process started here (by PID) and removes the temp directory. */
  dispose(): Promise<void>
}

/** Our own packages are published from source, never mirrored. */
const isOwnPackage = (name: string) => name.startsWith('@verticals/') || name === 'create-vertical'

/** Creates the temp directory, starts verdaccio in it and prepares npm's config and cache. */
export async function createSandbox(): Promise<Sandbox> {
  const root = mkdtempSync(join(tmpdir(), 'verticals-e2e-'))
  const tracker = new ProcessTracker()
  const mirrored = new Set<string>()
  try {
    const registry = await startRegistry(tracker, root, cleanEnv())
    const npm = npmSandbox(root, registry.url)
    const directory = (name: string) => {
      const dir = join(root, name)
      mkdirSync(dir, { recursive: true })
      return dir
    }
    return {
      root,
      registry,
      npm,
      directory,
      run: (command, args, cwd, timeoutMs) => tracker.run(command, args, { cwd, env: npm.env, timeoutMs }),
      async mirror(requests) {
        const { packages, missing } = dependencyClosure(requests, repoRoot, isOwnPackage)
        if (missing.length > 0) {
          throw new Error(
            `not installed in this workspace, so the offline registry cannot serve them:\n  ${missing.join('\n  ')}`,
          )
        }
        const fresh = packages.filter((pkg) => !mirrored.has(`${pkg.name}@${pkg.version}`))
        await mirrorPackages(fresh, registry.url, directory('mirror'), tracker, npm.env)
        for (const pkg of fresh) mirrored.add(`${pkg.name}@${pkg.version}`)
      },
      async dispose() {
        await tracker.stopAll()
        rmSync(root, { recursive: true, force: true })
      },
    }
  } catch (error) {
    await tracker.stopAll()
    rmSync(root, { recursive: true, force: true })
    throw error
  }
}
