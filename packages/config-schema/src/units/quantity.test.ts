import { describe, expect, it } from 'vitest'
import { bytes, cpu, parseBytes, parseCpu } from './quantity'

describe('cpu', () => {
  it.each([
    ['500m', 500],
    ['2000m', 2000],
    ['2', 2000],
    [2, 2000],
    [0.5, 500],
    ['0.25', 250],
  ] as const)('reads %j as %d millicores', (value, milli) => {
    expect(parseCpu(value)).toBe(milli)
    expect(cpu.parse(value)).toBe(milli)
  })

  it.each(['500 m', '1.5m', '2 cores', '0.0001', '-1', 'm'])('refuses %j', (value) => {
    expect(parseCpu(value)).toMatch(/is not a CPU quantity: write millicores \(500m\) or cores \(2\)/)
  })
})

describe('bytes', () => {
  it.each([
    ['1Gi', 1024 ** 3],
    ['4Gi', 4 * 1024 ** 3],
    ['512Mi', 512 * 1024 ** 2],
    ['512Ki', 512 * 1024],
    ['100G', 100e9],
    ['1.5G', 1.5e9],
    ['0G', 0],
    [1024, 1024],
  ] as const)('reads %j as %d bytes', (value, n) => {
    expect(parseBytes(value)).toBe(n)
    expect(bytes.parse(value)).toBe(n)
  })

  it('refuses 100GB and says which two spellings it could mean', () => {
    expect(parseBytes('100GB')).toBe(
      '"100GB" is ambiguous: write 100G for decimal units or 100Gi for binary units (Kubernetes quantities)',
    )
    expect(parseBytes('512mb')).toMatch(/write 512M for decimal units or 512Mi/)
  })

  it.each(['1 Gi', '1gi', 'big', '-1Gi'])('refuses %j', (value) => {
    expect(parseBytes(value)).toMatch(/is not a size/)
  })
})
