import { type CommandSpec, render, renderDetails, renderOptions } from '../command-spec'

// Each command module is imported only when that command runs, so `validate` never loads templates.
/** The commands that read a config and render, check or compare a bundle. */
export const BUNDLE_COMMANDS: Readonly<Record<string, CommandSpec>> = {
  validate: {
    summary: 'parse, validate and resolve a platform.yaml, and hold its cost estimate against the budgets',
    usage: 'verticals validate <config> [--json]',
    details: [
      '<config>            path of platform.yaml',
      '--json              diagnostics as JSON on stdout',
    ],
    positionals: ['config'],
    options: {},
    run: async (args, io) =>
      (await import('../../commands/validate/index')).validateCommand({
        ...io,
        config: args.positionals[0]!,
        json: args.values.json === true,
      }),
  },
  cost: {
    summary:
      'estimate the monthly cost of every bundle, per vertical, region and resource; hold it against the budgets',
    usage: 'verticals cost <config> [--prices <file>] [--json]',
    details: [
      '<config>            path of platform.yaml',
      '--prices <file>     a price table (JSON, the shape of @verticals/templates/prices/aws-on-demand.json)',
      '                    instead of the shipped one (on-demand USD, sa-east-1 and us-east-1, dated and sourced)',
      '--json              the estimate, budget findings and totals as JSON on stdout',
      'Exit 1 when the config is invalid, or over a budget with budget.enforce: error.',
    ],
    positionals: ['config'],
    options: { prices: { type: 'string' } },
    run: async (args, io) =>
      (await import('../../commands/cost/index')).costCommand({
        ...io,
        config: args.positionals[0]!,
        ...(typeof args.values.prices === 'string' ? { prices: args.values.prices } : {}),
        json: args.values.json === true,
      }),
  },
  generate: {
    summary: 'write every bundle of the enabled verticals to --out, atomically',
    usage:
      'verticals generate <config> --out <dir> [--vertical <name>]... [--templates <dir>] [--force] [--verify] [--json]',
    details: [
      '<config>            path of platform.yaml',
      '--out <dir>         bundle directory (created, or replaced as a whole; stale files are removed)',
      ...renderDetails,
      '--force             replace a non-empty directory that holds no manifest.json of verticals',
      '--verify            run the output validators first; write nothing on any problem',
      '--json              summary as JSON on stdout',
    ],
    positionals: ['config'],
    options: {
      out: { type: 'string' },
      ...renderOptions,
      force: { type: 'boolean' },
      verify: { type: 'boolean' },
    },
    run: async (args, io) =>
      (await import('../../commands/generate/index')).generateCommand({
        ...io,
        ...render(args),
        force: args.values.force === true,
        verify: args.values.verify === true,
      }),
  },
  check: {
    summary: 'exit 1 and list the files when a committed bundle differs from the config (for CI)',
    usage: 'verticals check <config> --out <dir> [--vertical <name>]... [--templates <dir>] [--json]',
    details: [
      '<config>            path of platform.yaml',
      '--out <dir>         the committed bundle directory',
      ...renderDetails,
      '--json              result as JSON on stdout',
    ],
    positionals: ['config'],
    options: { out: { type: 'string' }, ...renderOptions },
    run: async (args, io) =>
      (await import('../../commands/check/index')).checkCommand({ ...io, ...render(args) }),
  },
  diff: {
    summary: 'unified diff of what generate would change in --out (coloured on a TTY; NO_COLOR honoured)',
    usage: 'verticals diff <config> --out <dir> [--vertical <name>]... [--templates <dir>] [--json]',
    details: [
      '<config>            path of platform.yaml',
      '--out <dir>         the bundle directory to compare with',
      ...renderDetails,
      '--json              the changed files and their patches as JSON on stdout',
    ],
    positionals: ['config'],
    options: { out: { type: 'string' }, ...renderOptions },
    run: async (args, io) =>
      (await import('../../commands/diff/index')).diffCommand({ ...io, ...render(args) }),
  },
  schema: {
    summary: 'print the JSON Schema of platform.yaml on stdout (for editor completion)',
    usage: 'verticals schema [--json]',
    details: [
      '--json              accepted as by every command; the schema is JSON either way',
      'Use it with `# yaml-language-server: $schema=<file>` at the top of platform.yaml.',
    ],
    positionals: [],
    options: {},
    run: async (_args, io) => (await import('../../commands/schema/index')).schemaCommand(io),
  },
}
