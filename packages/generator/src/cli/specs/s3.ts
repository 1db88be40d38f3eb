import {
  type CommandArgs,
  type CommandSpec,
  render,
  renderDetails,
  renderOptions,
  str,
} from '../command-spec'
import { UsageError } from '../usage-error'

const s3Options = {
  endpoint: { type: 'string' },
  region: { type: 'string' },
  'path-style': { type: 'boolean' },
  'request-checksums': { type: 'string' },
  'response-checksums': { type: 'string' },
} as const
const CHECKSUM_MODES = ['WHEN_SUPPORTED', 'WHEN_REQUIRED'] as const
const s3Choices = { 'request-checksums': CHECKSUM_MODES, 'response-checksums': CHECKSUM_MODES }
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

const registryDetails = [
  '--registry <url>    npm registry instead of S3: each vertical is packed (as verticals pack) and',
  '                    published with your npm and the credentials in your .npmrc',
  '--tag <t>           npm dist-tag (default: latest); --access <public|restricted> as npm publish takes it',
  '--dry-run           with --registry: ask the registry what exists and report, publish nothing',
]

/** Exactly one destination: an S3 bucket or an npm registry. */
function destination(args: CommandArgs): 'bucket' | 'registry' {
  const bucket = str(args.values.bucket)
  const registry = str(args.values.registry)
  if (bucket && registry) throw new UsageError('publish: pass --bucket or --registry, not both', 'publish')
  if (!bucket && !registry)
    throw new UsageError('publish: missing --bucket <b> or --registry <url>', 'publish')
  if (bucket && args.values['dry-run'] === true)
    throw new UsageError('publish: --dry-run is for --registry only', 'publish')
  return bucket ? 'bucket' : 'registry'
}

// The AWS SDK loads only when publish or fetch runs against S3.
/** The commands that move bundles to and from S3 or an npm registry. */
export const S3_COMMANDS: Readonly<Record<string, CommandSpec>> = {
  publish: {
    summary: 'publish each vertical as an immutable version to S3 or an npm registry (exit 1 if refused)',
    usage:
      'verticals publish <config> (--bucket <b> [--prefix <p>] [--endpoint <url>] [--region <r>] | --registry <url> [--tag <t>] [--access <a>] [--dry-run]) [--version <v>] [--vertical <name>]... [--json]',
    details: [
      '<config>            path of platform.yaml; the bundle is rendered from it in memory',
      '--bucket <b>        target bucket; objects go to <prefix>/<vertical>/<version>/, manifest.json last',
      '--prefix <p>        key prefix (default: none)',
      '--version <v>       publish under this version instead of metadata.version',
      ...s3Details,
      '--no-checksums      leave out x-amz-checksum-sha256, for servers that reject it',
      ...registryDetails,
      ...renderDetails,
      '--json              results as JSON on stdout',
      'S3 credentials come from the standard AWS chain (AWS_PROFILE, AWS_ACCESS_KEY_ID, SSO, roles).',
      'A version that exists with identical contents is left alone; with other contents it is refused.',
    ],
    positionals: ['config'],
    options: {
      bucket: { type: 'string' },
      prefix: { type: 'string' },
      version: { type: 'string' },
      ...s3Options,
      'no-checksums': { type: 'boolean' },
      registry: { type: 'string' },
      tag: { type: 'string' },
      access: { type: 'string' },
      'dry-run': { type: 'boolean' },
      ...renderOptions,
    },
    choices: { ...s3Choices, access: ['public', 'restricted'] },
    run: async (args, io) =>
      destination(args) === 'registry'
        ? (await import('../../commands/publish/registry')).publishRegistryCommand({
            ...io,
            ...render(args),
            registry: str(args.values.registry)!,
            ...(str(args.values.version) === undefined ? {} : { version: str(args.values.version)! }),
            ...(str(args.values.tag) === undefined ? {} : { tag: str(args.values.tag)! }),
            ...(str(args.values.access) === undefined ? {} : { access: str(args.values.access)! }),
            dryRun: args.values['dry-run'] === true,
          })
        : (await import('../../commands/publish/index')).publishCommand({
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
    usage:
      'verticals fetch (<s3-url> [--endpoint <url>] [--region <r>] | npm:<name>@<version> [--registry <url>]) --out <dir> [--json]',
    details: [
      '<s3-url>            s3://<bucket>/[<prefix>/]<vertical>/<version>, as publish prints it',
      'npm:<name>@<version>  a bundle package at an exact version, downloaded with your npm and .npmrc',
      '--registry <url>    npm registry for npm: (default: your npm configuration)',
      '--out <dir>         new, empty, or a previous fetch; written atomically, untouched on failure',
      ...s3Details,
      '--json              the verified manifest as JSON on stdout',
    ],
    positionals: ['source'],
    options: { out: { type: 'string' }, ...s3Options, registry: { type: 'string' } },
    choices: s3Choices,
    run: async (args, io) => {
      const npm = args.positionals[0]!.startsWith('npm:')
      if (!npm && str(args.values.registry) !== undefined)
        throw new UsageError('fetch: --registry is for npm:<name>@<version> sources only', 'fetch')
      return npm
        ? (await import('../../commands/fetch/registry')).fetchRegistryCommand({
            ...io,
            spec: args.positionals[0]!,
            out: str(args.values.out)!,
            ...(str(args.values.registry) === undefined ? {} : { registry: str(args.values.registry)! }),
            json: args.values.json === true,
          })
        : (await import('../../commands/fetch/index')).fetchCommand({
            ...io,
            ...s3(args),
            url: args.positionals[0]!,
            out: str(args.values.out)!,
            json: args.values.json === true,
          })
    },
  },
}
