import type { CommandSpec } from './command-spec'
import { BUNDLE_COMMANDS } from './specs/bundle'
import { NPM_COMMANDS } from './specs/npm'
import { S3_COMMANDS } from './specs/s3'

export type { CommandArgs, CommandSpec } from './command-spec'

/** Every command of the CLI, in the order `verticals --help` lists them. */
export const COMMANDS: Readonly<Record<string, CommandSpec>> = {
  ...BUNDLE_COMMANDS,
  ...NPM_COMMANDS,
  ...S3_COMMANDS,
}

/** Options a command cannot run without, with the placeholder its error message shows. */
export const REQUIRED_OPTIONS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  generate: { out: '<dir>' },
  check: { out: '<dir>' },
  diff: { out: '<dir>' },
  pack: { out: '<dir>' },
  fetch: { out: '<dir>' },
}
