import { describe, expect, it } from 'vitest'
import { useColor } from './color'

describe('useColor', () => {
  const tty = { write: () => true, isTTY: true }
  const pipe = { write: () => true }
  it('colours a TTY, never with NO_COLOR, and a pipe only with FORCE_COLOR', () => {
    expect(useColor(tty, {})).toBe(true)
    expect(useColor(tty, { NO_COLOR: '1' })).toBe(false)
    expect(useColor(tty, { NO_COLOR: '' })).toBe(true)
    expect(useColor(pipe, {})).toBe(false)
    expect(useColor(pipe, { FORCE_COLOR: '1' })).toBe(true)
    expect(useColor(pipe, { FORCE_COLOR: '0' })).toBe(false)
  })
})
