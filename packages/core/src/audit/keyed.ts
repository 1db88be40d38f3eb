import { hash, type KeyObject } from 'node:crypto'

// The two keyed digests verify computes, without the rest of AuditKey and SubjectKey, so a verify
// worker thread loads no more than it needs.
//
// HMAC-SHA256 (RFC 2104) from two one-shot hashes over buffers that keep the padded key: about half
// the CPU of createHmac per call (measured ~1.0 against ~2.2 µs), which a verify pays once per entry.

const BLOCK = 64

/** HMAC-SHA256 with one key; not reentrant (one scratch buffer), which synchronous use never needs. */
export class HmacSha256 {
  private inner: Buffer
  private readonly outer = Buffer.alloc(BLOCK + 32)

  constructor(key: KeyObject) {
    let k = key.export()
    if (k.length > BLOCK) k = hash('sha256', k, 'buffer')
    this.inner = Buffer.alloc(BLOCK + 256)
    for (let i = 0; i < BLOCK; i += 1) {
      const byte = k[i] ?? 0
      this.inner[i] = byte ^ 0x36
      this.outer[i] = byte ^ 0x5c
    }
  }

  /** Hex HMAC-SHA256 of a text (UTF-8). */
  hex(text: string): string {
    // At most three UTF-8 bytes per UTF-16 unit.
    if (BLOCK + text.length * 3 > this.inner.length) {
      const grown = Buffer.alloc(BLOCK + text.length * 3)
      this.inner.copy(grown, 0, 0, BLOCK)
      this.inner = grown
    }
    const length = this.inner.write(text, BLOCK, 'utf8')
    this.outer.write(hash('sha256', this.inner.subarray(0, BLOCK + length), 'hex'), BLOCK, 'hex')
    return hash('sha256', this.outer, 'hex')
  }
}

const macs = new WeakMap<KeyObject, HmacSha256>()

/** Hex HMAC-SHA256 of a text. */
export function hmacHex(key: KeyObject, text: string): string {
  let mac = macs.get(key)
  if (mac === undefined) {
    mac = new HmacSha256(key)
    macs.set(key, mac)
  }
  return mac.hex(text)
}

/** The keyed digest of a subject or actor id (SubjectKey.digest). */
export function keyedIdDigest(key: KeyObject, id: string): string {
  return hmacHex(key, `id:${id}`)
}
