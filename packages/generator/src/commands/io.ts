/** Where a command writes: a stream or anything with `write` (tests pass a collector). */
export interface Output {
  write(chunk: string): unknown
  isTTY?: boolean
}

/** What every command may be given instead of the process's own: tests inject all of it. */
export interface CommandIo {
  /** Directory that relative paths are resolved against. */
  cwd?: string
  /** Results (machine-readable with --json). */
  stdout?: Output
  /** Progress and diagnostics. */
  stderr?: Output
  env?: Readonly<Record<string, string | undefined>>
}

/** The io of a command with the process's defaults filled in. */
export function resolveIo(io: CommandIo): Required<CommandIo> {
  return {
    cwd: io.cwd ?? process.cwd(),
    stdout: io.stdout ?? process.stdout,
    stderr: io.stderr ?? process.stderr,
    env: io.env ?? process.env,
  }
}

/** Writes one line. */
export function println(out: Output, line = ''): void {
  out.write(`${line}\n`)
}

/** Writes a value as pretty JSON with a trailing newline. */
export function printJson(out: Output, value: unknown): void {
  out.write(`${JSON.stringify(value, null, 2)}\n`)
}
