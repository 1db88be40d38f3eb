import { spawn } from 'node:child_process'

/** Where and how the npm client runs: the user's own npm, with their .npmrc and credentials. */
export interface NpmClientOptions {
  /** Registry URL, passed as --registry; the credentials for it come from the user's .npmrc. */
  readonly registry?: string
  /** Directory npm runs in (its project .npmrc applies). */
  readonly cwd: string
  readonly env: Readonly<Record<string, string | undefined>>
}

/** A failed npm command, with npm's error code (E404, E401, ENEEDAUTH, ECONNREFUSED...) when it gave one. */
export class NpmCommandError extends Error {
  override readonly name = 'NpmCommandError'
  readonly npmCode: string | undefined
  readonly command: string
  readonly output: string

  constructor(command: string, npmCode: string | undefined, output: string) {
    const detail = output.split('\n').find((line) => /npm (error|ERR!) /.test(line) && !/ code /.test(line))
    super(
      `\`${command}\` failed${npmCode ? ` (${npmCode})` : ''}${detail ? `: ${detail.replace(/^npm (error|ERR!) /, '')}` : ''}`,
    )
    this.npmCode = npmCode
    this.command = command
    this.output = output
  }
}

/** Whether a thrown value is an {@link NpmCommandError}. */
export const isNpmCommandError = (value: unknown): value is NpmCommandError =>
  value instanceof Error && value.name === 'NpmCommandError'

/** Runs `npm <args>` and returns its stdout; throws NpmCommandError with npm's code when it fails. */
export function runNpm(args: readonly string[], options: NpmClientOptions): Promise<string> {
  const full = [...args, ...(options.registry ? ['--registry', options.registry] : [])]
  const command = `npm ${full.join(' ')}`
  return new Promise((resolve, reject) => {
    const windows = process.platform === 'win32'
    const child = spawn(windows ? 'npm.cmd' : 'npm', full, {
      cwd: options.cwd,
      env: { ...options.env, npm_config_update_notifier: 'false' },
      shell: windows,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', (error) =>
      reject(new NpmCommandError(command, (error as NodeJS.ErrnoException).code, error.message)),
    )
    child.on('close', (code) => {
      if (code === 0) return resolve(stdout)
      const npmCode =
        /"code":\s*"([A-Z0-9_]+)"/.exec(stdout)?.[1] ?? /npm (?:error|ERR!) code (\S+)/.exec(stderr)?.[1]
      reject(new NpmCommandError(command, npmCode, `${stderr}\n${stdout}`.trim()))
    })
  })
}
