import { parseArgs } from 'node:util'
import { didYouMean } from '@verticals/config-schema'
import type { CommandArgs, CommandSpec } from './command-spec'
import { UsageError } from './usage-error'

/** Options every command takes: the CLI adds them, so a new command gets them for free. */
export const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
} as const

type OptionSpecs = CommandSpec['options']

/** `a, b and c`. */
const listed = (items: readonly string[]) =>
  items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : (items[0] ?? '')

/** The placeholder the usage line gives an option's value (`--out <dir>` gives `<dir>`). */
function placeholder(spec: CommandSpec, option: string): string {
  return new RegExp(`--${option} (<[^>]+>)`).exec(spec.usage)?.[1] ?? '<value>'
}

/** Why an option is unknown to a command: a near miss, or the commands that do take it. */
function unknownOption(
  name: string,
  flag: string,
  options: OptionSpecs,
  all: Readonly<Record<string, CommandSpec>>,
) {
  const option = flag.replace(/^-+/, '')
  const guess = didYouMean(option, Object.keys(options))
  if (guess) return `${name}: unknown option ${flag} (did you mean --${guess}?)`
  const takers = Object.keys(all).filter((other) => Object.hasOwn(all[other]!.options, option))
  if (takers.length > 0) return `${name}: unknown option ${flag} (${listed(takers)} take it)`
  const known = Object.keys(options).map((o) => `--${o}`)
  return `${name}: unknown option ${flag} (${name} takes ${listed(known)})`
}

/** Checks what parseArgs would only report in Node's words: unknown options and missing values. */
function checkFlags(
  name: string,
  spec: CommandSpec,
  argv: readonly string[],
  all: Readonly<Record<string, CommandSpec>>,
) {
  const options: OptionSpecs = { ...spec.options, ...COMMON_OPTIONS }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--') return
    if (!arg.startsWith('-') || arg === '-') continue
    const [flag, inline] = arg.startsWith('--')
      ? [arg.split('=')[0]!, arg.includes('=') ? arg : undefined]
      : [arg]
    const option = arg.startsWith('--')
      ? flag.slice(2)
      : Object.keys(options).find((o) => (options[o] as { short?: string }).short === arg.slice(1))
    if (option === undefined || !Object.hasOwn(options, option))
      throw new UsageError(unknownOption(name, flag, options, all), name)
    const type = options[option]!.type
    if (type === 'boolean' && inline !== undefined)
      throw new UsageError(`${name}: --${option} takes no value`, name)
    if (type === 'string' && inline === undefined) {
      const value = argv[i + 1]
      if (value === undefined || (value.startsWith('-') && value !== '-')) {
        throw new UsageError(
          `${name}: --${option} needs a value: --${option} ${placeholder(spec, option)}`,
          name,
        )
      }
      i++
    }
  }
}

/** Refuses an option value outside its command's list of choices, suggesting the one meant. */
function checkChoices(name: string, spec: CommandSpec, values: CommandArgs['values']) {
  for (const [option, choices] of Object.entries(spec.choices ?? {})) {
    const given = values[option]
    for (const value of Array.isArray(given) ? given : typeof given === 'string' ? [given] : []) {
      if (choices.some((choice) => choice.toLowerCase() === value.toLowerCase())) continue
      const guess = didYouMean(value, choices)
      const tail = guess ? ` (did you mean ${guess}?)` : ` (one of ${listed(choices)})`
      throw new UsageError(`${name}: --${option} ${value} is not allowed${tail}`, name)
    }
  }
}

/** Parses one command's arguments; every mistake is a UsageError in our words, with a did-you-mean. */
export function parseCommandArgs(
  name: string,
  spec: CommandSpec,
  argv: readonly string[],
  all: Readonly<Record<string, CommandSpec>>,
): CommandArgs {
  checkFlags(name, spec, argv, all)
  let parsed: CommandArgs
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { ...spec.options, ...COMMON_OPTIONS },
      allowPositionals: true,
      strict: true,
    })
  } catch (error) {
    // Anything checkFlags let through; Node's text is the best we have.
    throw new UsageError(`${name}: ${error instanceof Error ? error.message : String(error)}`, name)
  }
  checkChoices(name, spec, parsed.values)
  return parsed
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
