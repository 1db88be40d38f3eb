import { createHmac, createSecretKey } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { HmacSha256, hmacHex } from './keyed'

describe('HmacSha256', () => {
  it('matches createHmac for keys shorter than, as long as and longer than a block, and any text', () => {
    const texts = ['', 'x', 'é€😀 id:42', 'a'.repeat(63), 'b'.repeat(64), 'c'.repeat(5000), 'd'.repeat(300)]
    for (const raw of ['k'.repeat(32), 'k'.repeat(64), `${'k'.repeat(65)}ü`, 'k'.repeat(200)]) {
      const key = createSecretKey(Buffer.from(raw, 'utf8'))
      const mac = new HmacSha256(key)
      for (const text of texts) {
        const expected = createHmac('sha256', key).update(text).digest('hex')
        expect(mac.hex(text)).toBe(expected)
        expect(hmacHex(key, text)).toBe(expected)
      }
    }
  })
})
