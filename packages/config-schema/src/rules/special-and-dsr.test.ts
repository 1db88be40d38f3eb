import { describe, expect, it } from 'vitest'
import { argentinaText, diagnosticsOf, edit, errorsAfter } from '../testing/example'

describe('special-category data is never cached', () => {
  it('refuses a Redis TTL above 0 for health data', () => {
    const [d] = diagnosticsOf(edit(argentinaText(), [['cache', 'ttl', 'session-notes'], '5m']))
    expect(d).toMatchObject({ code: 'SPECIAL_CATEGORY_CACHED', path: 'cache.ttl.session-notes' })
    expect(d?.message).toBe(
      '"session-notes" is special-category data (user.health) and is never cached: its TTL must be 0s, not 5m',
    )
  })

  it('refuses a TTL for biometric data that comes from the fitness preset', () => {
    expect(errorsAfter([['cache', 'ttl', 'biometric-measurements'], '1h'])).toEqual([
      'SPECIAL_CATEGORY_CACHED cache.ttl.biometric-measurements',
    ])
  })

  it('refuses a CDN TTL and a cache store for special data', () => {
    expect(errorsAfter([['cache', 'cdnTtl', 'session-notes'], '1m'])).toEqual([
      'SPECIAL_CATEGORY_CACHED cache.cdnTtl.session-notes',
    ])
    expect(
      errorsAfter([
        ['dataClasses', 'session-notes', 'storage'],
        ['postgres', 'redis'],
      ]),
    ).toEqual(['SPECIAL_CATEGORY_CACHED dataClasses.session-notes.storage'])
  })

  it('accepts 0s, and not listing the class at all', () => {
    expect(errorsAfter([['cache', 'ttl', 'session-notes'], undefined])).toEqual([])
  })
})

describe('DSR deadlines within the law of each declared jurisdiction', () => {
  const dsr = (kind: string, value: string, jurisdictions = ['AR', 'BR']) =>
    errorsAfter([['dsr', 'deadlines', kind], value], [['jurisdictions'], jurisdictions]).filter((e) =>
      e.startsWith('DSR_'),
    )

  it('AR: access within 10 calendar days', () => {
    expect(dsr('access', '10d', ['AR'])).toEqual([])
    expect(dsr('access', '241h', ['AR'])).toEqual(['DSR_DEADLINE_EXCEEDS_LAW dsr.deadlines.access'])
  })

  it('AR: rectification and erasure within 5 business days, counted as 5 calendar days', () => {
    expect(dsr('rectification', '5d', ['AR'])).toEqual([])
    expect(dsr('rectification', '6d', ['AR'])).toEqual([
      'DSR_DEADLINE_EXCEEDS_LAW dsr.deadlines.rectification',
    ])
    const [d] = diagnosticsOf(edit(argentinaText(), [['dsr', 'deadlines', 'erasure'], '7d']))
    expect(d?.message).toBe(
      'erasure deadline 7d exceeds AR: Ley 25.326 art. 16.2 (5 business days), at most 5d; business days are counted as calendar days, the shortest they can be',
    )
  })

  it('BR: 15 days', () => {
    expect(dsr('access', '15d', ['BR'])).toEqual([])
    expect(dsr('access', '16d', ['BR'])).toEqual(['DSR_DEADLINE_EXCEEDS_LAW dsr.deadlines.access'])
  })

  it('EU: one month, counted as 28 days, the shortest month', () => {
    expect(dsr('access', '28d', ['EU'])).toEqual([])
    expect(dsr('access', '29d', ['EU'])).toEqual(['DSR_DEADLINE_EXCEEDS_LAW dsr.deadlines.access'])
  })

  it('reports each jurisdiction whose law a deadline breaks', () => {
    const diagnostics = diagnosticsOf(
      edit(argentinaText(), [['dsr', 'deadlines', 'access'], '20d'], [['jurisdictions'], ['AR', 'BR']]),
    )
    expect(diagnostics.map((d) => d.message.split(':')[0])).toEqual([
      'access deadline 20d exceeds AR',
      'access deadline 20d exceeds BR',
    ])
  })

  it('refuses a deadline of 0s as out of range', () => {
    expect(errorsAfter([['dsr', 'deadlines', 'access'], '0s'])).toEqual([
      'INVALID_VALUE dsr.deadlines.access',
    ])
  })
})
