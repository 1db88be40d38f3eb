import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { cleanEnv } from './npm-env.ts'
import { describeRun, ProcessTracker } from './processes.ts'
import { listPublicPackages, repoRoot } from './workspace.ts'

const cliPath = join(repoRoot, 'packages', 'create-vertical', 'dist', 'cli.js')

/**
 * Why the create-vertical step cannot run yet, or undefined when its built CLI answers `--help`.
 * The e2e fails with this reason rather than skipping, so a missing scaffolder is never green.
 */
export async function scaffolderNotReady(): Promise<string | undefined> {
  if (!existsSync(cliPath)) return `create-vertical is not built: ${cliPath} does not exist`
  const tracker = new ProcessTracker()
  try {
    const help = await tracker.run(process.execPath, [cliPath, '--help'], {
      cwd: repoRoot,
      env: cleanEnv(),
      timeoutMs: 30_000,
    })
    // An empty placeholder build exits 0 too: a working CLI documents its --vertical flag.
    if (help.code !== 0 || !`${help.stdout}${help.stderr}`.includes('--vertical')) {
      return `create-vertical --help must exit 0 and document --vertical:\n${describeRun('create-vertical --help', help)}`
    }
    const names = listPublicPackages().map((pkg) => pkg.manifest.name)
    if (!names.includes('create-vertical')) {
      return `no public package is named create-vertical (found ${names.join(', ')}), so \`npx create-vertical\` and \`npm create vertical\` cannot resolve it`
    }
    return undefined
  } finally {
    await tracker.stopAll()
  }
}

/** The `verticals check` command line that the scaffolded CI workflow runs. */
export function workflowCheckCommand(projectDir: string): string {
  const workflow = join(projectDir, '.github', 'workflows', 'platform.yml')
  if (!existsSync(workflow)) throw new Error(`the scaffold has no ${workflow}`)
  const line = readFileSync(workflow, 'utf8')
    .split('\n')
    .find((text) => /\bverticals check\b/.test(text))
  if (line === undefined) throw new Error(`${workflow} never runs \`verticals check\``)
  return line.replace(/^\s*(-\s*)?(run:\s*)?/, '').trim()
}

/** The dependency names (runtime and dev) that a scaffolded package.json asks npm to install. */
export function projectDependencies(projectDir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>
    devDependencies?: Record<string, string>
  }
  return Object.keys({ ...manifest.dependencies, ...manifest.devDependencies })
}
