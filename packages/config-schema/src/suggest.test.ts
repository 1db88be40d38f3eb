import { describe, expect, it } from 'vitest'
import { didYouMean } from './suggest'

describe('didYouMean', () => {
  const keys = ['minReplicas', 'maxReplicas', 'cpuUtilization', 'memoryUtilization', 'scaleUp', 'scaleDown']

  it('finds the key a typo meant', () => {
    expect(didYouMean('minReplica', keys)).toBe('minReplicas')
    expect(didYouMean('cpuUtilisation', keys)).toBe('cpuUtilization')
    expect(didYouMean('scaleup', keys)).toBe('scaleUp')
  })

  it('suggests nothing when no name is close', () => {
    expect(didYouMean('replicas', ['tiers', 'markets'])).toBeUndefined()
    expect(didYouMean('x', [])).toBeUndefined()
  })

  it('allows more edits for longer names, at least two', () => {
    expect(didYouMean('ab', ['abcd'])).toBe('abcd')
    expect(didYouMean('ab', ['abcde'])).toBeUndefined()
    expect(didYouMean('memoryUtilisatoin', keys)).toBe('memoryUtilization')
  })
})
