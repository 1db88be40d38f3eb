import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { referencedFiles } from './manifest-files.ts'
import { describeRun, type RunResult } from './processes.ts'
import type { Sandbox } from './sandbox.ts'
import type { WorkspacePackage } from './workspace.ts'

/** Fails with the missing files when a package has not been built (dist is what gets published). */
export function assertBuilt(packages: readonly WorkspacePackage[]): void {
  const missing = packages.flatMap((pkg) =>
    referencedFiles(pkg.manifest)
      .filter((file) => !file.includes('*') && !existsSync(join(pkg.dir, file)))
      .map((file) => `${pkg.folder}/${file}`),
  )
  if (missing.length > 0) {
    throw new Error(
      `packages are not built (missing ${missing.join(', ')}); run \`npm run test:e2e\`, which builds them first`,
    )
  }
}

/**
 * Publishes each package to the sandbox registry with `npm publish`, as a release would, after
 * mirroring the third-party dependencies they declare.
 */
export async function publishWorkspace(
  sandbox: Sandbox,
  packages: readonly WorkspacePackage[],
): Promise<void> {
  await sandbox.mirror(
    packages.flatMap((pkg) =>
      Object.keys({ ...pkg.manifest.dependencies, ...pkg.manifest.optionalDependencies }).map((name) => ({
        name,
        fromDir: pkg.dir,
      })),
    ),
  )
  await publishEach(packages, sandbox.registry.url, sandbox.npm.userconfig, (args, cwd) =>
    sandbox.run('npm', args, cwd),
  )
}

/** `npm publish` of each package to `registryUrl`, as a release would; fails on the first refusal. */
export async function publishEach(
  packages: readonly WorkspacePackage[],
  registryUrl: string,
  userconfig: string,
  npm: (args: readonly string[], cwd: string) => Promise<RunResult>,
): Promise<void> {
  for (const pkg of packages) {
    const args = ['publish', '--registry', registryUrl, '--userconfig', userconfig, '--ignore-scripts']
    const result = await npm(args, pkg.dir)
    if (result.code !== 0) throw new Error(describeRun(`npm publish (${pkg.manifest.name})`, result))
  }
}
