import {
  type CommandArgs,
  type CommandSpec,
  render,
  renderDetails,
  renderOptions,
  str,
} from '../command-spec'

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

// The AWS SDK loads only when publish or fetch runs.
/** The commands that move bundles to and from S3. */
export const S3_COMMANDS: Readonly<Record<string, CommandSpec>> = {
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
    },
    choices: s3Choices,
    run: async (args, io) =>
      (await import('../../commands/publish/index')).publishCommand({
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
    options: { out: { type: 'string' }, ...s3Options },
    choices: s3Choices,
    run: async (args, io) =>
      (await import('../../commands/fetch/index')).fetchCommand({
        ...io,
        ...s3(args),
        url: args.positionals[0]!,
        out: str(args.values.out)!,
        json: args.values.json === true,
      }),
  },
}
