import { describe, expect, it } from 'vitest'
import { decode, encode, INVALID, tooLarge } from './safe-json'

describe('decode', () => {
  it('parses ordinary JSON on the fast path', () => {
    expect(decode('{"a":[1,"x",null],"b":{"c":true}}')).toEqual({ a: [1, 'x', null], b: { c: true } })
    expect(decode('null')).toBeNull()
  })

  it.each([
    '{"__proto__":{"polluted":1}}',
    '{"a":{"constructor":{"prototype":{"polluted":1}}}}',
    '{"prototype":1}',
    '{"\\u005f\\u005fproto\\u005f\\u005f":{"polluted":1}}',
    '[{"x":{"__proto__":null}}]',
  ])('refuses %s', (text) => {
    expect(decode(text)).toBe(INVALID)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('keeps values that only mention the names inside strings or use harmless escapes', () => {
    expect(decode('{"note":"the constructor was here","e":"\\u00e9"}')).toEqual({
      note: 'the constructor was here',
      e: 'é',
    })
  })

  it('returns INVALID for text that is not JSON', () => {
    expect(decode('{not json')).toBe(INVALID)
  })
})

describe('encode and tooLarge', () => {
  it('has no form for undefined', () => {
    expect(encode(undefined)).toBeUndefined()
    expect(encode({ a: 1 })).toBe('{"a":1}')
  })

  it('measures UTF-8 bytes, not characters', () => {
    expect(tooLarge('a'.repeat(10), 10)).toBe(false)
    expect(tooLarge('a'.repeat(11), 10)).toBe(true)
    expect(tooLarge('é'.repeat(6), 10)).toBe(true) // 12 bytes
    expect(tooLarge('é'.repeat(5), 10)).toBe(false)
  })
})
