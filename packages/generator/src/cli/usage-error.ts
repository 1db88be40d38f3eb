/** A mistake in how the CLI was called (unknown command or option, missing argument): exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
  /** The command whose --help the user should read, when known. */
  readonly command: string | undefined

  constructor(message: string, command?: string) {
    super(message)
    this.command = command
  }
}
