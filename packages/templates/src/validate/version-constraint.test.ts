import { describe, expect, it } from 'vitest'
import { admits } from './version-constraint'

describe('admits', () => {
  it('reads the pessimistic operator as Terraform does', () => {
    expect(admits('~> 5.80', '5.99.1')).toBe(true)
    expect(admits('~> 5.80', '5.79.0')).toBe(false)
    expect(admits('~> 5.80', '6.0.0')).toBe(false)
    expect(admits('~> 5.80.1', '5.80.9')).toBe(true)
    expect(admits('~> 5.80.1', '5.81.0')).toBe(false)
  })

  it('combines comma-separated clauses', () => {
    expect(admits('>= 1.6, < 2.0.0', '1.9.8')).toBe(true)
    expect(admits('>= 1.6, < 2.0.0', '2.0.0')).toBe(false)
    expect(admits('= 5.99.1', '5.99.1')).toBe(true)
    expect(admits('!= 5.99.1', '5.99.1')).toBe(false)
  })

  it('refuses a constraint it cannot read rather than guessing', () => {
    expect(() => admits('latest', '5.99.1')).toThrow(/cannot read the version constraint "latest"/)
  })
})
