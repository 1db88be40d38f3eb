import type { ParseArgsConfig } from 'node:util'
import type { CommandIo } from '../commands/io'

/** Parsed arguments of one command: option values by name, positionals in order. */
export interface CommandArgs {
  readonly positionals: readonly string[]
  readonly values: Readonly<Record<string, string | boolean | string[] | undefined>>
}

/** One `verticals <name>` command: its help text, its options, and how to run it. */
export interface CommandSpec {
  readonly summary: string
  readonly usage: string
  /** Lines describing arguments and options for `--help`. */
  readonly details: readonly string[]
  /** Names of the required positional arguments. */
  readonly positionals: readonly string[]
  readonly options: NonNullable<ParseArgsConfig['options']>
  run(args: CommandArgs, io: CommandIo): Promise<number>
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)
const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : [])

const json = { type: 'boolean' } as const
const renderOptions = {
  vertical: { type: 'string', multiple: true },
  templates: { type: 'string' },
} as const
const renderDetails = [
  '--vertical <name>   only this vertical (repeatable); other verticals are left as they are',
  '--templates <dir>   text templates (*.hbs) that replace built-in ones of the same name',
]
const render = (args: CommandArgs) => ({
  config: args.positionals[0]!,
  out: str(args.values.out)!,
  verticals: list(args.values.vertical),
  ...(str(args.values.templates) === undefined ? {} : { templates: str(args.values.templates)! }),
  json: args.values.json === true,
})

const s3Options = {
  endpoint: { type: 'string' },
  region: { type: 'string' },
  'path-style': { type: 'boolean' },
  'request-checksums': { type: 'string' },
  'response-checksums': { type: 'string' },
} as const
const s3Details = [
  '--endpoint <url>    S3-compatible endpoint (addressed path-style)',
  '--region <r>        AWS region (default: the AWS chain; us-east-1 with --endpoint)',
  '--path-style        force path-style bucket addressing',
  '--request-checksums <WHEN_SUPPORTED|WHEN_REQUIRED>   SDK checksum mode (WHEN_REQUIRED for s3rver)',
  '--response-checksums <WHEN_SUPPORTED|WHEN_REQUIRED>  SDK checksum validation mode',
]
const s3 = (args: CommandArgs) => ({
  ...(str(args.values.endpoint) === undefined ? {} : { endpoint: str(args.values.endpoint)! }),
  ...(str(args.values.region) === undefined ? {} : { region: str(args.values.region)! }),
  ...(args.values['path-style'] === true ? { pathStyle: true } : {}),
  ...(str(args.values['request-checksums']) === undefined
    ? {}
    : { requestChecksums: str(args.values['request-checksums'])! }),
  ...(str(args.values['response-checksums']) === undefined
    ? {}
    : { responseChecksums: str(args.values['response-checksums'])! }),
})

// Each command module is imported only when that command runs, so `validate` never loads templates.
/** Every command of the CLI, in the order `verticals --help` lists them. */
export const COMMANDS: Readonly<Record<string, CommandSpec>> = {
  validate: {
    summary: 'parse, validate and resolve a platform.yaml; diagnostics on stderr',
    usage: 'verticals validate <config> [--json]',
    details: [
      '<config>            path of platform.yaml',
      '--json              diagnostics as JSON on stdout',
    ],
    positionals: ['config'],
    options: { json },
    run: async (args, io) =>
      (await import('../commands/validate/index')).validateCommand({
        ...io,
        config: args.positionals[0]!,
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
      json,
    },
    run: async (args, io) =>
      (await import('../commands/generate/index')).generateCommand({
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
    options: { out: { type: 'string' }, ...renderOptions, json },
    run: async (args, io) =>
      (await import('../commands/check/index')).checkCommand({ ...io, ...render(args) }),
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
    options: { out: { type: 'string' }, ...renderOptions, json },
    run: async (args, io) => (await import('../commands/diff/index')).diffCommand({ ...io, ...render(args) }),
  },
  schema: {
    summary: 'print the JSON Schema of platform.yaml on stdout (for editor completion)',
    usage: 'verticals schema',
    details: ['Use it with `# yaml-language-server: $schema=<file>` at the top of platform.yaml.'],
    positionals: [],
    options: {},
    run: async (_args, io) => (await import('../commands/schema/index')).schemaCommand(io),
  },
  publish: {
    summary:
      'upload each vertical of the bundle to S3 as an immutable version, manifest.json last (exit 1 if refused)',
    usage:
      'verticals publish <config> --bucket <b> [--prefix <p>] [--version <v>] [--endpoint <url>] [--region <r>] [--vertical <name>]... [--json]',
    details: [
      '<config>            path of platform.yaml; the bundle is rendered from it in memory',
      '--bucket <b>        target bucket; objects go to <prefix>/<vertical>/<version>/',
      '--prefix <p>        key prefix (default: none)',
      '--version <v>       publish under this version instead of metadata.version',
      ...s3Details,
      '--no-checksums      leave out x-amz-checksum-sha256, for servers that reject it',
      ...renderDetails,
      '--json              results as JSON on stdout',
      'Credentials come from the standard AWS chain (AWS_PROFILE, AWS_ACCESS_KEY_ID, SSO, roles).',
    ],
    positionals: ['config'],
    options: {
      bucket: { type: 'string' },
      prefix: { type: 'string' },
      version: { type: 'string' },
      ...s3Options,
      'no-checksums': { type: 'boolean' },
      ...renderOptions,
      json,
    },
    run: async (args, io) =>
      (await import('../commands/publish/index')).publishCommand({
        ...io,
        ...render(args),
        ...s3(args),
        bucket: str(args.values.bucket)!,
        ...(str(args.values.prefix) === undefined ? {} : { prefix: str(args.values.prefix)! }),
        ...(str(args.values.version) === undefined ? {} : { version: str(args.values.version)! }),
        checksums: args.values['no-checksums'] !== true,
      }),
  },
  fetch: {
    summary:
      'download a published version to --out, verifying every sha256 against its manifest (exit 1 on mismatch)',
    usage: 'verticals fetch <s3-url> --out <dir> [--endpoint <url>] [--region <r>] [--json]',
    details: [
      '<s3-url>            s3://<bucket>/[<prefix>/]<vertical>/<version>, as publish prints it',
      '--out <dir>         new, empty, or a previous fetch; written atomically, untouched on failure',
      ...s3Details,
      '--json              the verified manifest as JSON on stdout',
    ],
    positionals: ['s3-url'],
    options: { out: { type: 'string' }, ...s3Options, json },
    run: async (args, io) =>
      (await import('../commands/fetch/index')).fetchCommand({
        ...io,
        ...s3(args),
        url: args.positionals[0]!,
        out: str(args.values.out)!,
        json: args.values.json === true,
      }),
  },
}

/** Options every command that takes --out requires. */
export const REQUIRED_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  generate: ['out'],
  check: ['out'],
  diff: ['out'],
  publish: ['bucket'],
  fetch: ['out'],
}
