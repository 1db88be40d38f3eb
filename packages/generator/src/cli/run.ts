import { type CommandIo, resolveIo } from '../commands/io'
import { GENERATOR_VERSION } from '../version'
import { parseCommandArgs, unknownCommand } from './args'
import { COMMANDS, REQUIRED_OPTIONS } from './commands'
import { commandHelp, mainHelp } from './help'
import { EXIT, reportError } from './report'
import { UsageError } from './usage-error'

function assertComplete(
  name: string,
  positionals: readonly string[],
  values: Readonly<Record<string, unknown>>,
): void {
  const spec = COMMANDS[name]!
  const missing = spec.positionals.slice(positionals.length)
  if (missing.length > 0) throw new UsageError(`${name}: missing <${missing.join('>, <')}>`, name)
  if (positionals.length > spec.positionals.length) {
    throw new UsageError(
      `${name}: unexpected argument ${JSON.stringify(positionals[spec.positionals.length])}`,
      name,
    )
  }
  for (const [option, placeholder] of Object.entries(REQUIRED_OPTIONS[name] ?? {})) {
    if (typeof values[option] !== 'string' || values[option] === '') {
      throw new UsageError(`${name}: missing --${option} ${placeholder}`, name)
    }
  }
}

/** Runs the CLI on arguments (without `node` and the script) and returns the exit code. */
export async function runCli(argv: readonly string[], options: CommandIo = {}): Promise<number> {
  const io = resolveIo(options)
  const [first, ...rest] = argv
  const json = argv.includes('--json')
  try {
    if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
      const topic = first === 'help' ? rest[0] : undefined
      if (topic !== undefined && !Object.hasOwn(COMMANDS, topic))
        throw unknownCommand(topic, Object.keys(COMMANDS))
      io.stdout.write(topic ? commandHelp(topic) : mainHelp())
      return first === undefined ? EXIT.usage : EXIT.ok
    }
    if (first === '--version' || first === '-v') {
      io.stdout.write(`${GENERATOR_VERSION}\n`)
      return EXIT.ok
    }
    if (!Object.hasOwn(COMMANDS, first)) throw unknownCommand(first, Object.keys(COMMANDS))
    const { values, positionals } = parseCommandArgs(first, COMMANDS[first]!, rest, COMMANDS)
    if (values.help) {
      io.stdout.write(commandHelp(first))
      return EXIT.ok
    }
    assertComplete(first, positionals, values)
    return await COMMANDS[first]!.run({ positionals, values }, io)
  } catch (error) {
    return reportError(error, io, { json })
  }
}
