/** Returned by decode() for text that is not safe, valid JSON. */
export const INVALID: unique symbol = Symbol('invalid cached value')

// Keys that can reach Object.prototype when a parsed value is later merged or assigned. `\u` is in the
// list because JSON escapes can spell them (`"\u005f_proto__"`): such text takes the checked path.
const SUSPICIOUS = /__proto__|constructor|prototype|\\u/
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype'])

class ForbiddenKey extends Error {}

function reviver(key: string, value: unknown): unknown {
  if (FORBIDDEN.has(key)) throw new ForbiddenKey(key)
  return value
}

/**
 * Parses cached JSON, refusing any object key that could pollute a prototype. Plain text takes the
 * fast path (no reviver); text that mentions a forbidden name or a unicode escape is parsed with one.
 */
export function decode(text: string): unknown {
  try {
    return SUSPICIOUS.test(text) ? JSON.parse(text, reviver) : JSON.parse(text)
  } catch {
    return INVALID
  }
}

/** Serializes a value for the cache; undefined when it has no JSON form (undefined, functions). */
export function encode(value: unknown): string | undefined {
  return JSON.stringify(value)
}

/** Whether serialized text is larger than `max` bytes (UTF-8), measuring only when it could be. */
export function tooLarge(text: string, max: number): boolean {
  // A UTF-16 code unit is at most 3 UTF-8 bytes, so short strings never need a byte count.
  return text.length * 3 > max && Buffer.byteLength(text, 'utf8') > max
}
