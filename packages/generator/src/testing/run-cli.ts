import { runCli } from '../cli/run'
import type { CliRun } from './spawn-cli'

/**
 * Runs the CLI's `runCli` in this process with its output collected: the same text and exit code
 * the binary prints for a command (bin/cli.js only wires argv, exit code and warnings to it), without
 * the cost of a Node start per case. Tests about the process itself spawn it (spawn-cli.ts).
 */
export async function verticalsInProcess(
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<CliRun> {
  const out = { stdout: '', stderr: '' }
  const code = await runCli(args, {
    cwd: options.cwd ?? process.cwd(),
    env: { ...process.env, VERTICALS_DEBUG: '', ...options.env },
    stdout: { write: (s: string) => (out.stdout += s) },
    stderr: { write: (s: string) => (out.stderr += s) },
  })
  return { code, ...out }
}
