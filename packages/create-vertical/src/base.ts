import { execFile } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { PlatformError } from '@verticals/config-schema'
import type { Context } from './context'
import type { ScaffoldRecord } from './record'
import { render } from './steps/render'
import { ownManifest } from './versions'

// Never part of what the template wrote: the generated bundle, installs and version control.
const NOT_TEMPLATE = new Set(['bundle', 'node_modules', '.git'])

/** Every file under `dir` by `/`-separated path, except the bundle, installs and .git. */
export async function readProject(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>()
  const walk = async (from: string, prefix: string): Promise<void> => {
    for (const entry of await readdir(from, { withFileTypes: true })) {
      if (prefix === '' && NOT_TEMPLATE.has(entry.name)) continue
      const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`
      if (entry.isDirectory()) await walk(join(from, entry.name), path)
      else if (entry.isFile()) files.set(path, await readFile(join(from, entry.name), 'utf8'))
    }
  }
  await walk(dir, '')
  return files
}

/** Runs `npx create-vertical@<version>` with the recorded answers: the scaffold as that version wrote it. */
async function renderWithVersion(record: ScaffoldRecord): Promise<Map<string, string>> {
  const dir = await mkdtemp(join(tmpdir(), 'create-vertical-base-'))
  const args = ['--yes', `create-vertical@${record.version}`, 'base', '--vertical', record.vertical]
  args.push('--name', record.name, '--region', record.region, '--yes')
  try {
    await new Promise<void>((done, fail) => {
      execFile(
        'npx',
        args,
        { cwd: dir, timeout: 10 * 60_000, maxBuffer: 16 * 1024 * 1024 },
        (error, _out, err) =>
          error ? fail(new Error(err.trim().split('\n').at(-1) ?? error.message)) : done(),
      )
    })
    return await readProject(join(dir, 'base'))
  } catch (error) {
    throw new PlatformError(
      'DEPENDENCY_UNAVAILABLE',
      `could not run create-vertical@${record.version} to rebuild what it wrote (${(error as Error).message}); nothing was written`,
      {
        hint: `Pass --base <dir>: the scaffold as create-vertical ${record.version} wrote it, for example \`git archive <its first commit> | tar -x -C <dir>\`.`,
        cause: error,
      },
    )
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/**
 * The upgrade's common ancestor: the files the recorded create-vertical version wrote for the
 * recorded answers (bundle excluded). From --base when given; rendered here when the version is this
 * one; otherwise by running that version itself, which is the only exact way to get its output.
 */
export async function baseFiles(
  ctx: Pick<Context, 'cwd' | 'options' | 'templateDir'>,
  record: ScaffoldRecord,
): Promise<Map<string, string>> {
  if (ctx.options.base !== undefined) return readProject(resolve(ctx.cwd, ctx.options.base))
  if (record.version !== ownManifest().version) return renderWithVersion(record)
  const { vertical, name, region } = record
  const base: Parameters<typeof render>[0] = { vertical, name, region, project: undefined as never }
  if (ctx.templateDir !== undefined) base.templateDir = ctx.templateDir
  await render(base)
  return base.project.files
}
