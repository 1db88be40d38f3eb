import { describe, expect, it } from 'vitest'
import { canonicalJson, canonicalParsed, entryHash, GENESIS, idDigest, signCheckpoint } from './canonical'
import { AuditKey } from './key'

const quiet = { warn() {}, error() {} }
const k1 = AuditKey.resolve('1'.repeat(32), quiet)
const k2 = AuditKey.resolve('2'.repeat(32), quiet)

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[3,{"y":2,"z":1}]},"b":1}',
    )
  })

  it('is the same for equal values written in a different order', () => {
    expect(canonicalJson({ x: 1, y: 'é' })).toBe(canonicalJson({ y: 'é', x: 1 }))
  })

  it('is what canonicalParsed writes for parsed JSON (jsonb text included)', () => {
    const texts = [
      '{"i": 1, "record": "notes/1"}',
      '{"b": [1, {"z": null, "y": true}], "a": "x\\"q\\"", "10": 1, "9": 2, "é": 1, "e": 2.5e-7}',
      '[]',
      '{}',
      '"s"',
      '12',
      '[{"b": 1, "a": [[], {}]}]',
    ]
    for (const text of texts) expect(canonicalParsed(JSON.parse(text))).toBe(canonicalJson(JSON.parse(text)))
  })
})

describe('hashes', () => {
  const fields = {
    vertical: 'barber',
    recordClass: 'system',
    seq: 1,
    type: 'deploy',
    createdAt: new Date('2026-01-01T00:00:00Z'),
    actorDigest: idDigest('ci'),
    subjectDigest: null,
    dataDigest: 'd',
  }

  it('changes when any covered field or the previous hash changes', () => {
    const base = entryHash(k1, GENESIS, fields)
    expect(base).toMatch(/^[0-9a-f]{64}$/)
    expect(entryHash(k1, GENESIS, { ...fields, seq: 2 })).not.toBe(base)
    expect(entryHash(k1, GENESIS, { ...fields, type: 'deploy2' })).not.toBe(base)
    expect(entryHash(k1, GENESIS, { ...fields, createdAt: new Date('2026-01-01T00:00:00.001Z') })).not.toBe(
      base,
    )
    expect(entryHash(k1, '1'.repeat(64), fields)).not.toBe(base)
    expect(entryHash(k1, GENESIS, { ...fields })).toBe(base)
  })

  it('keys entries: another key gives another hash', () => {
    expect(entryHash(k2, GENESIS, fields)).not.toBe(entryHash(k1, GENESIS, fields))
    expect(entryHash(k1, GENESIS, { ...fields, createdAt: fields.createdAt.toISOString() })).toBe(
      entryHash(k1, GENESIS, fields),
    )
  })

  it('signs checkpoints with the key', () => {
    const cp = {
      vertical: 'v',
      recordClass: 'system',
      fromSeq: 1,
      toSeq: 4,
      prevHash: GENESIS,
      lastHash: 'h',
      purged: 4,
    }
    expect(signCheckpoint(cp, k1)).not.toBe(signCheckpoint(cp, k2))
    expect(signCheckpoint({ ...cp, purged: 3 }, k1)).not.toBe(signCheckpoint(cp, k1))
  })
})
