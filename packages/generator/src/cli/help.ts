import { GENERATOR_VERSION } from '../version'
import { COMMANDS } from './commands'

/** `verticals --help`: every command with its one-line summary, and the exit codes. */
export function mainHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length))
  const commands = Object.entries(COMMANDS).map(([name, spec]) => `  ${name.padEnd(width)}  ${spec.summary}`)
  return [
    `verticals ${GENERATOR_VERSION}: one platform.yaml -> infrastructure, monitoring and compliance bundles`,
    '',
    'Usage: verticals <command> [options]',
    '',
    'Commands:',
    ...commands,
    '',
    'Options:',
    '  --help     show help (also `verticals <command> --help`)',
    '  --version  print the version',
    '',
    'Exit codes: 0 ok; 1 invalid config, drift or refused; 2 usage or unexpected error.',
    '',
  ].join('\n')
}

/** `verticals <command> --help`. */
export function commandHelp(name: string): string {
  const spec = COMMANDS[name]!
  return [`Usage: ${spec.usage}`, '', `${spec.summary}.`, '', ...spec.details.map((d) => `  ${d}`), ''].join(
    '\n',
  )
}
