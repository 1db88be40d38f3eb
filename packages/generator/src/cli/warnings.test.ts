import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { routeWarnings } from './warnings'

/** A stand-in process: only the 'warning' event matters here. */
function fakeProcess() {
  return new EventEmitter() as unknown as NodeJS.Process
}

function warning(name: string, message: string, code?: string): Error {
  return Object.assign(new Error(message), { name, ...(code ? { code } : {}) })
}

describe('routeWarnings', () => {
  it('prints our warnings as one line of ours and drops the listeners that printed them before', () => {
    const target = fakeProcess()
    let before = 0
    target.on('warning', () => before++)
    let stderr = ''
    routeWarnings({ write: (s: string) => (stderr += s) }, {}, target)
    target.emit(
      'warning',
      warning('VerticalsWarning', 'promtool was built without Kubernetes discovery\nmore'),
    )
    target.emit('warning', warning('Warning', 'something else', 'X_CODE'))
    expect(before).toBe(0)
    expect(stderr).toBe(
      'verticals: warning: promtool was built without Kubernetes discovery\nverticals: warning: something else (X_CODE)\n',
    )
  })

  it("keeps dependencies' deprecations quiet unless VERTICALS_DEBUG=1", () => {
    const quiet = fakeProcess()
    let stderr = ''
    routeWarnings({ write: (s: string) => (stderr += s) }, {}, quiet)
    quiet.emit('warning', warning('DeprecationWarning', 'punycode is deprecated', 'DEP0040'))
    expect(stderr).toBe('')
    const loud = fakeProcess()
    routeWarnings({ write: (s: string) => (stderr += s) }, { VERTICALS_DEBUG: '1' }, loud)
    loud.emit('warning', warning('DeprecationWarning', 'punycode is deprecated', 'DEP0040'))
    expect(stderr).toMatch(/^verticals: warning: punycode is deprecated \(DEP0040\)\n/)
  })
})
