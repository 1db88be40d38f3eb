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
  /** Options whose value must be one of a list; anything else is a usage error with a did-you-mean. */
  readonly choices?: Readonly<Record<string, readonly string[]>>
  run(args: CommandArgs, io: CommandIo): Promise<number>
}

/** The option's value when it is a string. */
export const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)
/** The option's values when it is repeatable. */
export const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : [])

/** `--json`: the CLI adds it to every command (see COMMON_OPTIONS); listing it in a spec is harmless. */
export const json = { type: 'boolean' } as const
/** Options of the commands that render a bundle (generate, check, diff, publish). */
export const renderOptions = {
  vertical: { type: 'string', multiple: true },
  templates: { type: 'string' },
} as const
/** Help lines for {@link renderOptions}. */
export const renderDetails = [
  '--vertical <name>   only this vertical (repeatable); other verticals are left as they are',
  '--templates <dir>   text templates (*.hbs) that replace built-in ones of the same name',
]
/** The options object of a rendering command, from its parsed arguments. */
export const render = (args: CommandArgs) => ({
  config: args.positionals[0]!,
  out: str(args.values.out)!,
  verticals: list(args.values.vertical),
  ...(str(args.values.templates) === undefined ? {} : { templates: str(args.values.templates)! }),
  json: args.values.json === true,
})
