import { type CommandSpec, render, renderDetails, renderOptions, str } from '../command-spec'

// Packing loads the engine and node-tar, never the AWS SDK or the database clients.
/** The commands that make and check bundle packages for npm registries. */
export const NPM_COMMANDS: Readonly<Record<string, CommandSpec>> = {
  pack: {
    summary: 'write each vertical as an npm package tarball to --out (same config, same bytes)',
    usage:
      'verticals pack <config> --out <dir> [--version <v>] [--vertical <name>]... [--templates <dir>] [--json]',
    details: [
      '<config>            path of platform.yaml; the bundle is rendered from it in memory',
      '--out <dir>         directory for the tarballs, one <scope>-<name>-<version>.tgz per vertical',
      '--version <v>       pack under this version instead of metadata.version',
      ...renderDetails,
      '--json              name, version, path, integrity and manifest sha256 of each package on stdout',
      'Package names come from metadata.npm in platform.yaml (default @<metadata.name>/<vertical>-bundle).',
    ],
    positionals: ['config'],
    options: { out: { type: 'string' }, version: { type: 'string' }, ...renderOptions },
    run: async (args, io) =>
      (await import('../../commands/pack/index')).packCommand({
        ...io,
        ...render(args),
        ...(str(args.values.version) === undefined ? {} : { version: str(args.values.version)! }),
      }),
  },
  verify: {
    summary: 'exit 1 and list the files when an installed bundle package differs from its manifest.json',
    usage: 'verticals verify <dir> [--json]',
    details: [
      '<dir>               an installed bundle package (node_modules/<name>) or a fetched version',
      '--json              the result (ok, problems) as JSON on stdout',
      'Every file must match its sha256 and size; a file the manifest does not list is an error too.',
    ],
    positionals: ['dir'],
    options: {},
    run: async (args, io) =>
      (await import('../../commands/verify/index')).verifyCommand({
        ...io,
        dir: args.positionals[0]!,
        json: args.values.json === true,
      }),
  },
}
