import { describe, expect, it } from 'vitest'
import { deepFreeze } from './resolve'
import type { ResolvedPlatform } from './resolved'
import { erasureOtherStores } from './tenancy'
import { argentinaText, resolveText } from './testing/example'

const platform = resolveText(argentinaText())

describe('erasureOtherStores', () => {
  it('names the participants on other PostgreSQL stores, in config order', () => {
    // barber and beauty share `marketplace`; psychology and fitness have databases of their own.
    expect(erasureOtherStores(platform, 'barber')).toEqual(['psychology', 'fitness'])
    expect(erasureOtherStores(platform, 'psychology')).toEqual(['barber', 'beauty', 'fitness'])
  })

  // Answers are kept per frozen platform: another platform that shares this one's verticals but not its
  // stores must not be answered from them, and a caller's edit of an answer must not reach the next.
  it('answers each platform from its own stores, and hands out copies', () => {
    const first = erasureOtherStores(platform, 'barber')
    const noSharedStores = deepFreeze({
      ...platform,
      dataStores: { ...platform.dataStores, shared: {} },
    }) as ResolvedPlatform
    expect(noSharedStores.verticals).toBe(platform.verticals)
    expect(erasureOtherStores(noSharedStores, 'barber')).toEqual(['psychology', 'beauty', 'fitness'])
    first.push('intruder')
    expect(erasureOtherStores(platform, 'barber')).toEqual(['psychology', 'fitness'])
  })
})
