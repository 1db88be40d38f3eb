import { PlatformError } from '@verticals/config-schema'
import { describe, expect, it } from 'vitest'
import { hasStackTrace } from '../testing/spawn-cli'
import { reportError } from './report'
import { UsageError } from './usage-error'

function capture(env: Record<string, string> = {}) {
  const out = { stdout: '', stderr: '' }
  return {
    out,
    io: {
      stdout: { write: (s: string) => (out.stdout += s) },
      stderr: { write: (s: string) => (out.stderr += s) },
      env,
    },
  }
}

describe('reportError', () => {
  it('maps a usage error to exit 2 and points at the command help', () => {
    const { io, out } = capture()
    expect(reportError(new UsageError('check: missing --out <dir>', 'check'), io)).toBe(2)
    expect(out.stderr).toBe(
      'verticals: check: missing --out <dir>\nRun `verticals check --help` for usage.\n',
    )
  })

  it('maps a PlatformError to exit 1 with its message and hint, and JSON on stdout with --json', () => {
    const { io, out } = capture()
    const error = new PlatformError('OUTPUT_NOT_OURS', 'out is not ours.', { hint: 'Choose another.' })
    expect(reportError(error, io, { json: true })).toBe(1)
    expect(out.stderr).toBe('out is not ours.\nhint: Choose another.\n')
    expect(JSON.parse(out.stdout).error).toMatchObject({ code: 'OUTPUT_NOT_OURS', hint: 'Choose another.' })
  })

  it('prints an unexpected error as one line with a bug-report hint and no stack trace', () => {
    const { io, out } = capture()
    expect(reportError(new TypeError('cannot read x of undefined\nsecond line'), io)).toBe(2)
    expect(out.stderr.split('\n')[0]).toBe('verticals: unexpected error: cannot read x of undefined')
    expect(out.stderr).toMatch(/This is a bug in verticals .*VERTICALS_DEBUG=1/s)
    expect(out.stderr).not.toContain('second line')
    expect(hasStackTrace(out.stderr)).toBe(false)
  })

  it('adds the stack trace with VERTICALS_DEBUG=1', () => {
    const { io, out } = capture({ VERTICALS_DEBUG: '1' })
    expect(reportError(new Error('boom'), io)).toBe(2)
    expect(hasStackTrace(out.stderr)).toBe(true)
  })

  it('reports an operating-system error without calling it a bug', () => {
    const { io, out } = capture()
    const error = Object.assign(new Error("ENOSPC: no space left on device, write '/x'"), {
      code: 'ENOSPC',
      syscall: 'write',
    })
    expect(reportError(error, io)).toBe(2)
    expect(out.stderr).toContain('ENOSPC')
    expect(out.stderr).not.toContain('bug')
  })
})
