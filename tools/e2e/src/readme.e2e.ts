import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { stripVTControlCharacters } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { cleanEnv } from './npm-env.ts'
import { delay, describeRun, ProcessTracker } from './processes.ts'
import { README_REGISTRY_URL, tryItCommands } from './try-it.ts'
import { repoRoot } from './workspace.ts'

const tracker = new ProcessTracker()
const dir = mkdtempSync(join(tmpdir(), 'verticals-readme-'))

/** The commands of every ```sh block of a Markdown text, comments and blank lines removed. */
function shellBlocks(markdown: string): string[][] {
  return [...markdown.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) =>
    match[1]!
      .split('\n')
      .map((line) => line.replace(/\s+#.*$/, '').trim())
      .filter((line) => line !== '' && !line.startsWith('#')),
  )
}

/** Starts `npm run registry` on a free port and resolves with its URL once it serves the packages. */
async function startRegistry(): Promise<string> {
  // The README's command, on a free port instead of 4873: other runs share this machine.
  // Its temporary files (verdaccio's storage) go under this test's directory, removed below even
  // when the registry had to be killed before it could remove them itself.
  const child = tracker.start('npm', ['run', 'registry', '--', '--port', '0'], {
    cwd: repoRoot,
    env: { ...cleanEnv(), TMPDIR: dir },
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  const deadline = Date.now() + 10 * 60_000
  while (Date.now() < deadline) {
    const url = /Serving this clone's packages at (\S+)/.exec(output)?.[1]
    if (url && output.includes('Press Ctrl-C')) return url
    if (child.exitCode !== null) throw new Error(`npm run registry exited ${child.exitCode}:\n${output}`)
    await delay(500)
  }
  throw new Error(`npm run registry did not start within 10 minutes:\n${output}`)
}

afterAll(async () => {
  await tracker.stopAll()
  rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 })
})

describe("the README's way to try Verticals before it is on a public registry", () => {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8')
  const blocks = shellBlocks(readme)
  const serve = blocks.find((block) => block.some((line) => line.includes('npm run registry')))
  const use = blocks.find((block) => block.some((line) => line.startsWith('npx create-vertical')))

  it('says so, and shows the commands `npm run registry` prints', () => {
    expect(readme).toMatch(/not on a public registry/)
    expect(serve).toEqual(['npm ci && npm run registry'])
    expect(use).toEqual(tryItCommands(README_REGISTRY_URL))
  })

  it('works as written: registry up, npx create-vertical, npm install and npm test in the new service', async () => {
    const url = await startRegistry()
    // The README's lines, word for word but for the port; a fresh npm cache, as on a new machine
    // (npx would otherwise reuse a create-vertical 0.1.0 it installed from an earlier build).
    const script = use!.map((line) => line.replace(README_REGISTRY_URL, url)).join('\n')
    // npm_config_yes answers npx's "Ok to proceed? (y)", which a person answers at the terminal.
    const env = {
      ...cleanEnv(),
      npm_config_cache: join(dir, 'npm-cache'),
      npm_config_update_notifier: 'false',
      npm_config_yes: 'true',
    }
    const workspace = join(dir, 'elsewhere')
    const run = await tracker.run('sh', ['-e', '-c', `mkdir -p ${workspace} && cd ${workspace}\n${script}`], {
      cwd: dir,
      env,
      timeoutMs: 12 * 60_000,
    })
    expect(run.code, describeRun('the README commands', run)).toBe(0)
    // TAP, or Node 24's spec reporter, in colour when the runner forces it (nx sets FORCE_COLOR).
    expect(stripVTControlCharacters(run.stdout)).toMatch(/^[#ℹ] fail 0$/m)
  })
})
