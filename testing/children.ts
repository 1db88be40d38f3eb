import type { ChildProcess } from 'node:child_process'
import { onTestFinished } from 'vitest'

/**
 * Kills `child` when the test that started it ends, passed, failed or timed out: a test that gives
 * up must not leave its CLI or promtool running and loading the machine for the tests after it.
 */
export function endWithTest(child: ChildProcess): ChildProcess {
  try {
    onTestFinished(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    })
  } catch {
    // Started outside a test (a hook or module scope): the hook's own cleanup owns it.
  }
  return child
}
