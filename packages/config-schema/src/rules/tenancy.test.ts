import { describe, expect, it } from 'vitest'
import { erasureOtherStores, memberName, postgresOf, redisOf, sharedStores, tenancyOf } from '../tenancy'
import { argentinaText, diagnosticsOf, edit, errorsAfter, resolveText } from '../testing/example'

const uses = (vertical: string, kind: 'postgres' | 'redis') => ['verticals', vertical, 'dataStores', kind]

describe('data-store tenancy', () => {
  it('places the example: barber and beauty share a PostgreSQL, three share a Redis, psychology keeps its own', () => {
    const platform = resolveText(argentinaText())
    const pg = postgresOf(platform, 'barber')
    expect(pg).toMatchObject({ shared: 'marketplace', members: ['barber', 'beauty'] })
    // The store's sizing over the defaults: its own class and storage, the platform's engine and pool.
    expect(pg.settings).toMatchObject({ instanceClass: 'db.r6g.xlarge', engineVersion: '16' })
    expect(pg.settings.pool).toEqual({ max: 200, alarmAt: 160 })
    expect(postgresOf(platform, 'psychology')).toMatchObject({ shared: null, members: ['psychology'] })
    expect(redisOf(platform, 'fitness')).toMatchObject({
      shared: 'marketplace',
      members: ['barber', 'beauty', 'fitness'],
    })
    expect(redisOf(platform, 'fitness').settings).toMatchObject({ nodeType: 'cache.r6g.large', nodes: 3 })
    expect(sharedStores(platform).map((s) => s.name)).toEqual(['marketplace'])
  })

  it('gives each member of a shared PostgreSQL its own schema and roles, and a dedicated one the platform’s', () => {
    const platform = resolveText(argentinaText())
    expect(tenancyOf(platform, 'barber')).toEqual({
      schema: 'verticals_barber',
      roles: { owner: 'verticals_owner_barber', app: 'verticals_app_barber', provision: 'create' },
    })
    expect(tenancyOf(platform, 'psychology')).toEqual({
      schema: 'verticals',
      roles: { owner: 'verticals_owner', app: 'verticals_app', provision: 'create' },
    })
  })

  it('names any other cluster-wide PostgreSQL name per member the same way', () => {
    const platform = resolveText(argentinaText())
    expect(memberName(platform, 'barber', 'verticals_monitor')).toBe('verticals_monitor_barber')
    expect(memberName(platform, 'psychology', 'verticals_monitor')).toBe('verticals_monitor')
  })

  it('lists the verticals an erasure cannot reach: those erasing platform-wide from another database', () => {
    const platform = resolveText(argentinaText())
    expect(erasureOtherStores(platform, 'barber')).toEqual(['psychology', 'fitness'])
    expect(erasureOtherStores(platform, 'psychology')).toEqual(['barber', 'beauty', 'fitness'])
  })

  it('refuses an unknown store at the vertical’s line, with a did-you-mean', () => {
    const text = edit(argentinaText(), [uses('barber', 'postgres'), 'marketplce'])
    const [d, ...rest] = diagnosticsOf(text)
    expect(rest).toEqual([])
    expect(d).toMatchObject({ code: 'UNKNOWN_REFERENCE', path: 'verticals.barber.dataStores.postgres' })
    expect(d?.message).toBe(
      'shared postgres store "marketplce" is not declared (did you mean "marketplace"?) in dataStores.shared',
    )
    const lines = text.split('\n')
    const line = lines.findIndex((l) => l.includes('marketplce'))
    expect([d?.line, d?.column]).toEqual([line + 1, (lines[line] ?? '').indexOf('marketplce') + 1])
  })

  it('refuses a store that declares no store of that kind', () => {
    expect(
      errorsAfter(
        [['dataStores', 'shared', 'clinic'], { postgres: {} }],
        [uses('psychology', 'redis'), 'clinic'],
      ),
    ).toEqual(['UNKNOWN_REFERENCE verticals.psychology.dataStores.redis'])
  })

  it('refuses sharing a PostgreSQL between special-category and ordinary data, naming the laws', () => {
    const [d, ...rest] = diagnosticsOf(edit(argentinaText(), [uses('fitness', 'postgres'), 'marketplace']))
    expect(rest).toEqual([])
    expect(d).toMatchObject({ code: 'SHARED_STORE_FORBIDDEN', path: 'verticals.fitness.dataStores.postgres' })
    expect(d?.message).toContain(
      'fitness holds special-category data (user.biometrics) and barber holds no special-category data: they may not share the PostgreSQL store "marketplace"',
    )
    expect(d?.message).toContain('Ley 25.326 art. 8 and 9')
    expect(d?.message).toContain('GDPR art. 9 and 32')
  })

  it('refuses health and biometrics in one PostgreSQL, and accepts two verticals of the same special data', () => {
    const sensitive = [['dataStores', 'shared', 'sensitive'], { postgres: {} }] as const
    expect(
      errorsAfter(
        [[...sensitive[0]], sensitive[1]],
        [uses('psychology', 'postgres'), 'sensitive'],
        [uses('fitness', 'postgres'), 'sensitive'],
      ),
    ).toEqual(['SHARED_STORE_FORBIDDEN verticals.fitness.dataStores.postgres'])
    const text = edit(
      argentinaText(),
      [[...sensitive[0]], sensitive[1]],
      [['verticals', 'therapy'], { preset: 'psychology', dataStores: { postgres: 'sensitive' } }],
      [uses('psychology', 'postgres'), 'sensitive'],
    )
    expect(postgresOf(resolveText(text), 'therapy').members).toEqual(['psychology', 'therapy'])
  })

  it('lets psychology share a Redis: special categories are never cached, and keys carry its prefix', () => {
    expect(errorsAfter([uses('psychology', 'redis'), 'marketplace'])).toEqual([])
  })

  it('sizes a shared Redis as one shape: a clustered default does not reshape a store that sets nodes', () => {
    const platform = resolveText(
      edit(
        argentinaText(),
        [['dataStores', 'redis', 'nodes'], 4],
        [['dataStores', 'redis', 'cluster'], { shards: 2, replicasPerShard: 1 }],
      ),
    )
    expect(redisOf(platform, 'barber').settings.cluster).toBeUndefined()
    expect(redisOf(platform, 'psychology').settings.cluster).toEqual({ shards: 2, replicasPerShard: 1 })
  })
})
