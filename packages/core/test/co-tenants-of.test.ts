import { type ResolvedPlatform, verticalView } from '@verticals/config-schema'
import { beforeAll, describe, expect, it } from 'vitest'
import { coTenantApps, coTenantsOf, otherStoresOf } from '../src/dsr/co-tenants'
import { roleSettings } from '../src/migrations/roles'
import { exampleConfig } from './harness'

// The example: barber and beauty share the PostgreSQL store `marketplace`; psychology and fitness
// keep their own.

let config: ResolvedPlatform
beforeAll(async () => {
  config = await exampleConfig()
})

describe('coTenantsOf', () => {
  it('names the other members of the shared store in their own schemas', () => {
    expect(coTenantsOf(config, 'barber', 'verticals_barber')).toEqual([
      { vertical: 'beauty', schema: '"verticals_beauty"' },
    ])
    expect(coTenantApps(config, coTenantsOf(config, 'beauty', 'verticals_beauty'))).toEqual([
      'verticals_app_barber',
    ])
  })

  it('names none on a dedicated store', () => {
    expect(coTenantsOf(config, 'psychology', 'verticals')).toEqual([])
    expect(coTenantsOf(config, 'fitness', 'verticals')).toEqual([])
  })

  it('takes the schemas it is given, and leaves out members in the same schema (erased directly)', () => {
    expect(coTenantsOf(config, 'barber', 'vx_a', { members: { beauty: 'vx_b' } })).toEqual([
      { vertical: 'beauty', schema: '"vx_b"' },
    ])
    // One schema for every vertical (as before tenancy, and in tests): no co-tenant to ask.
    expect(coTenantsOf(config, 'barber', 'vx_one', { given: 'vx_one' })).toEqual([])
  })

  it('leaves out a member that does not erase platform-wide, and asks none for one that does not', () => {
    const optedOut = (name: string): ResolvedPlatform => ({
      ...config,
      verticals: {
        ...config.verticals,
        [name]: {
          ...(config.verticals[name] as ResolvedPlatform['verticals'][string]),
          platformWideErasure: false,
        },
      },
    })
    expect(coTenantsOf(optedOut('beauty'), 'barber', 'verticals_barber')).toEqual([])
    expect(coTenantsOf(optedOut('barber'), 'barber', 'verticals_barber')).toEqual([])
  })
})

describe('otherStoresOf', () => {
  it('names the participating verticals whose data is in another PostgreSQL store', () => {
    expect(otherStoresOf(config, 'barber')).toEqual(['psychology', 'fitness'])
    expect(otherStoresOf(config, 'psychology')).toEqual(['barber', 'beauty', 'fitness'])
  })

  it('names none when one given schema holds every vertical, or the vertical does not take part', () => {
    expect(otherStoresOf(config, 'barber', 'vx_one')).toEqual([])
    const optedOut: ResolvedPlatform = {
      ...config,
      verticals: {
        ...config.verticals,
        barber: {
          ...(config.verticals.barber as ResolvedPlatform['verticals'][string]),
          platformWideErasure: false,
        },
      },
    }
    expect(otherStoresOf(optedOut, 'barber')).toEqual([])
    expect(otherStoresOf(optedOut, 'psychology')).toEqual(['beauty', 'fitness'])
  })
})

describe('roleSettings', () => {
  it('hands the co-tenants to migration 0010 only when there are some', () => {
    const roles = { owner: 'o', app: 'a', provision: 'create' as const }
    expect(roleSettings(roles).map(([name]) => name)).not.toContain('verticals.cotenant_app_roles')
    expect(roleSettings({ ...roles, coTenantApps: ['a_x', 'a_y'] })).toContainEqual([
      'verticals.cotenant_app_roles',
      'a_x,a_y',
    ])
  })
})

// A deployed service loads only its vertical's view (resolved.json): it must find the same co-tenants
// and other stores there, or its erasures would ask no one.
describe('in a deployed vertical’s view', () => {
  it('names the same co-tenants, their roles and the other stores as the whole platform', () => {
    for (const name of Object.keys(config.verticals)) {
      const view = verticalView(config, name)
      const own = `verticals_${name}`
      expect(coTenantsOf(view, name, own)).toEqual(coTenantsOf(config, name, own))
      expect(coTenantApps(view, coTenantsOf(view, name, own))).toEqual(
        coTenantApps(config, coTenantsOf(config, name, own)),
      )
      expect(otherStoresOf(view, name)).toEqual(otherStoresOf(config, name))
    }
    expect(coTenantsOf(verticalView(config, 'barber'), 'barber', 'verticals_barber')).toHaveLength(1)
    expect(otherStoresOf(verticalView(config, 'psychology'), 'psychology')).toEqual([
      'barber',
      'beauty',
      'fitness',
    ])
  })
})
