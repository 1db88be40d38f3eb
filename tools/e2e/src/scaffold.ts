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

/**
 * The command the scaffolded CI workflow runs to check the bundle: a line that runs
 * `verticals check` itself, or `npm run <script>` where that package.json script does.
 */
export function workflowCheckCommand(projectDir: string): string {
  const workflow = join(projectDir, '.github', 'workflows', 'platform.yml')
  if (!existsSync(workflow)) throw new Error(`the scaffold has no ${workflow}`)
  const scripts = readManifest(projectDir).scripts ?? {}
  const checking = Object.keys(scripts).filter((name) => /\bverticals check\b/.test(scripts[name] ?? ''))
  const runsCheck = (text: string) =>
    /\bverticals check\b/.test(text) ||
    checking.some((name) =>
      new RegExp(`\\bnpm run ${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(text),
    )
  const line = readFileSync(workflow, 'utf8').split('\n').find(runsCheck)
  if (line === undefined) throw new Error(`${workflow} never runs \`verticals check\``)
  return line.replace(/^\s*(-\s*)?(run:\s*)?/, '').trim()
}

/** The scaffolded package.json fields these checks read. */
interface ProjectManifest {
  readonly scripts?: Record<string, string>
  readonly dependencies?: Record<string, string>
  readonly devDependencies?: Record<string, string>
}

/** Reads the package.json of a scaffolded project. */
function readManifest(projectDir: string): ProjectManifest {
  return JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')) as ProjectManifest
}

/** The runtime and dev dependencies (name -> range) a scaffolded package.json asks npm to install. */
export function projectPins(projectDir: string): Record<string, string> {
  const manifest = readManifest(projectDir)
  return { ...manifest.dependencies, ...manifest.devDependencies }
}
