import { createRequire } from 'node:module'
import { didYouMean } from '@verticals/config-schema/diagnostics'
import type { CommandArgs, CommandSpec } from './command-spec'
import { UsageError } from './usage-error'

// An ESM import of node:util makes a module of every util export, which loads the lazy ones
// (TextDecoder, util.diff and the streams they need): 5% of a cold `verticals validate`.
// require() hands over util's own object and loads nothing more.
const { parseArgs } = createRequire(import.meta.url)('node:util') as typeof import('node:util')

/** Options every command takes: the CLI adds them, so a new command gets them for free. */
export const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
} as const

type OptionSpecs = CommandSpec['options']

/** What a program or command accepts, for {@link parseArguments}. */
export interface ArgumentRules {
  /** Starts every message: the command (`validate`) or the program (`create-vertical`). */
  readonly name: string
  readonly options: OptionSpecs
  /** The usage line; an option's value placeholder (`--out <dir>`) is taken from it. */
  readonly usage: string
  /** Options whose value must be one of a list. */
  readonly choices?: Readonly<Record<string, readonly string[]>>
  /** Other commands' options, to say which command takes an option this one lacks. */
  readonly elsewhere?: Readonly<Record<string, OptionSpecs>>
  /** The command whose `--help` a usage error points at. */
  readonly command?: string
}

/** `a, b and c`. */
const listed = (items: readonly string[]) =>
  items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : (items[0] ?? '')

/** The placeholder the usage line gives an option's value (`--out <dir>` gives `<dir>`). */
function placeholder(usage: string, option: string): string {
  return new RegExp(`--${option} (<[^>]+>)`).exec(usage)?.[1] ?? '<value>'
}

/** Why an option is unknown: a near miss, the commands that do take it, or the list of options. */
function unknownOption(rules: ArgumentRules, flag: string): string {
  const option = flag.replace(/^-+/, '')
  const guess = didYouMean(option, Object.keys(rules.options))
  if (guess) return `${rules.name}: unknown option ${flag} (did you mean --${guess}?)`
  const elsewhere = rules.elsewhere ?? {}
  const takers = Object.keys(elsewhere).filter((other) => Object.hasOwn(elsewhere[other]!, option))
  if (takers.length > 0) return `${rules.name}: unknown option ${flag} (${listed(takers)} take it)`
  const known = Object.keys(rules.options).map((o) => `--${o}`)
  return `${rules.name}: unknown option ${flag} (${rules.name} takes ${listed(known)})`
}

/** Checks what parseArgs would only report in Node's words: unknown options and missing values. */
function checkFlags(rules: ArgumentRules, argv: readonly string[]): void {
  const { options, name, command } = rules
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--') return
    if (!arg.startsWith('-') || arg === '-') continue
    const long = arg.startsWith('--')
    const flag = long ? arg.split('=')[0]! : arg
    const inline = long && arg.includes('=')
    const option = long
      ? flag.slice(2)
      : Object.keys(options).find((o) => (options[o] as { short?: string }).short === arg.slice(1))
    if (option === undefined || !Object.hasOwn(options, option)) {
      throw new UsageError(unknownOption(rules, flag), command)
    }
    const type = options[option]!.type
    if (type === 'boolean' && inline) throw new UsageError(`${name}: --${option} takes no value`, command)
    if (type === 'string' && !inline) {
      const value = argv[i + 1]
      if (value === undefined || (value.startsWith('-') && value !== '-')) {
        const example = `--${option} ${placeholder(rules.usage, option)}`
        throw new UsageError(`${name}: --${option} needs a value: ${example}`, command)
      }
      i++
    }
  }
}

/** Refuses an option value outside its list of choices (in any letter case), suggesting the one meant. */
function checkChoices(rules: ArgumentRules, values: CommandArgs['values']): void {
  for (const [option, choices] of Object.entries(rules.choices ?? {})) {
    const given = values[option]
    for (const value of Array.isArray(given) ? given : typeof given === 'string' ? [given] : []) {
      if (choices.some((choice) => choice.toLowerCase() === value.toLowerCase())) continue
      const guess = didYouMean(value, choices)
      const tail = guess ? ` (did you mean ${guess}?)` : ` (one of ${listed(choices)})`
      throw new UsageError(`${rules.name}: --${option} ${value} is not allowed${tail}`, rules.command)
    }
  }
}

/**
 * Parses a command line (strict, positionals allowed). Every mistake is a UsageError in our words,
 * with a did-you-mean, rather than Node's parseArgs text. create-vertical uses it too.
 */
export function parseArguments(argv: readonly string[], rules: ArgumentRules): CommandArgs {
  checkFlags(rules, argv)
  let parsed: CommandArgs
  try {
    const options = rules.options
    // Repeatable booleans (the only source of boolean[] values) are not used by any command.
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true }) as CommandArgs
  } catch (error) {
    // Anything checkFlags let through; Node's text is the best we have.
    const text = error instanceof Error ? error.message : String(error)
    throw new UsageError(`${rules.name}: ${text}`, rules.command)
  }
  checkChoices(rules, parsed.values)
  return parsed
}

/** Parses one `verticals` command's arguments, with the options every command takes. */
export function parseCommandArgs(
  name: string,
  spec: CommandSpec,
  argv: readonly string[],
  all: Readonly<Record<string, CommandSpec>>,
): CommandArgs {
  const elsewhere = Object.fromEntries(Object.entries(all).map(([other, s]) => [other, s.options]))
  return parseArguments(argv, {
    name,
    command: name,
    options: { ...spec.options, ...COMMON_OPTIONS },
    usage: spec.usage,
    ...(spec.choices ? { choices: spec.choices } : {}),
    elsewhere,
  })
}

/** The usage error for a command name that does not exist, with the one probably meant. */
export function unknownCommand(command: string, known: readonly string[]): UsageError {
  const guess = didYouMean(command, known)
  return new UsageError(
    guess
      ? `unknown command "${command}" (did you mean "${guess}"?)`
      : `unknown command "${command}" (commands: ${known.join(', ')})`,
  )
}
