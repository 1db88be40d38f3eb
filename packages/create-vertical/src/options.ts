import { PlatformError, PRESET_NAMES } from '@verticals/config-schema'
import { parseArguments, UsageError } from '@verticals/generator'

/** What the user asked for on the command line; anything left undefined may be prompted for. */
export interface ScaffoldOptions {
  /** Target directory, relative to cwd. */
  dir?: string
  /** One of PRESET_NAMES. */
  vertical?: string
  /** Package and platform name (a DNS label); defaults to the directory's name. */
  name?: string
  /** Primary AWS region (default sa-east-1). */
  region?: string
  /** Accept defaults and never prompt. */
  yes: boolean
  /** List the files (or, over an existing scaffold with --force, the diff) and write nothing. */
  dryRun: boolean
  /** Write into a non-empty directory; over a scaffold with a record, this merges like --upgrade. */
  force: boolean
  /** Merge this version's template into an existing scaffold, keeping local edits (three-way). */
  upgrade?: boolean
  /** The scaffold as its recorded version wrote it (the merge base), instead of running that version. */
  base?: string
  help: boolean
  version: boolean
}

/** The usage text printed by --help. */
export const USAGE = `Usage: create-vertical <dir> --vertical <${PRESET_NAMES.join('|')}> [options]

Scaffolds a service wired to the Verticals platform: platform.yaml, its generated bundle, a
minimal booking service with tests, and a CI workflow.

Options:
  --vertical <name>   ${PRESET_NAMES.join(', ')}
  --name <name>       package and platform name (default: the directory name)
  --region <region>   primary AWS region (default: sa-east-1)
  --yes, -y           accept the defaults; never prompt
  --dry-run           list the files it would write (over a scaffold: the diff of the merge)
  --upgrade           merge this version into an existing scaffold (default <dir>: .), keeping
                      your edits; conflicts get git-style markers and exit 1
  --base <dir>        the scaffold as its recorded version wrote it, when that version cannot be
                      run with npx (for example \`git archive <first commit> | tar -x -C <dir>\`)
  --force             write into a non-empty directory; over a scaffold, the same as --upgrade
  --help, -h          this text
  --version, -v       the version of create-vertical

Without a terminal, or with --yes, nothing is asked: a missing answer is an error naming its flag.`

/** Parses argv (without node and the script); unknown flags are usage errors (exit 2). */
export function parseOptions(argv: readonly string[]): ScaffoldOptions {
  let parsed: ReturnType<typeof parseArguments>
  try {
    parsed = parseArguments(argv, { name: 'create-vertical', options: OPTIONS, usage: USAGE })
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    // The message already starts with the program's name, which the CLI adds again.
    throw new PlatformError('INVALID_ARGUMENT', error.message.replace(/^create-vertical: /, ''), {
      hint: 'Run `create-vertical --help` for the options.',
    })
  }
  const { values, positionals } = parsed
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined)
  if (positionals.length > 1) {
    throw new PlatformError('INVALID_ARGUMENT', `expected one directory, got ${positionals.join(', ')}`)
  }
  return {
    dir: positionals[0],
    vertical: text(values.vertical),
    name: text(values.name),
    region: text(values.region),
    yes: values.yes === true,
    dryRun: values['dry-run'] === true,
    force: values.force === true,
    upgrade: values.upgrade === true,
    base: text(values.base),
    help: values.help === true,
    version: values.version === true,
  }
}

const OPTIONS = {
  vertical: { type: 'string' },
  name: { type: 'string' },
  region: { type: 'string' },
  yes: { type: 'boolean', short: 'y' },
  'dry-run': { type: 'boolean' },
  force: { type: 'boolean' },
  upgrade: { type: 'boolean' },
  base: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const
