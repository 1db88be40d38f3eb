import { describe, expect, it } from 'vitest'
import type { ResolvedPlatform } from './resolved'
import { argentinaText, edit, resolveText } from './testing/example'

const platform = resolveText(argentinaText())

/** Every object and array reachable from a value, for the deep-freeze check. */
function everyObject(value: unknown, out: object[] = []): object[] {
  if (value && typeof value === 'object') {
    out.push(value)
    for (const child of Object.values(value)) everyObject(child, out)
  }
  return out
}

/** Paths of every undefined value: a resolved platform states everything. */
function undefinedPaths(value: unknown, path = ''): string[] {
  if (value === undefined) return [path]
  if (!value || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([key, child]) => undefinedPaths(child, `${path}.${key}`))
}

describe('resolve', () => {
  it('returns a deeply frozen platform', () => {
    const objects = everyObject(platform)
    expect(objects.length).toBeGreaterThan(200)
    expect(objects.every((o) => Object.isFrozen(o))).toBe(true)
    expect(() => {
      ;(platform.verticals.barber as { enabled: boolean }).enabled = false
    }).toThrow(TypeError)
  })

  it('states every value: no undefined anywhere, schema defaults applied', () => {
    expect(undefinedPaths(platform)).toEqual([])
    expect(platform.compute.probes.liveness.timeout).toBe(1)
    expect(platform.compute.probes.liveness.failureThreshold).toBe(3)
    expect(platform.cache.circuitBreaker).toEqual({ failures: 5, cooldown: 30 })
    expect(platform.tiers['tier-1']?.burnRateAlerts).toEqual({ page: true, ticket: true })
    expect(platform.markets.cordoba?.status).toBe('live')
  })

  it('merges presets: each vertical carries what differs', () => {
    const { psychology, fitness, beauty, barber } = platform.verticals
    expect(psychology?.dataClasses).toContain('session-notes')
    expect(psychology?.dpiaRequired).toBe(true)
    expect(psychology?.specialCategories).toEqual(['user.health'])
    expect(fitness?.specialCategories).toEqual(['user.biometrics'])
    expect(fitness?.notes.join(' ')).toMatch(/Ley 25.326 does not list it/)
    expect(platform.dataClasses['biometric-measurements']?.specialIn).toEqual(['BR', 'EU'])
    expect(beauty?.objectStorage).toBe(true)
    expect(beauty?.socialIntegrations).toEqual(['instagram', 'facebook'])
    expect(barber).toMatchObject({ dpiaRequired: false, objectStorage: false, specialCategories: [] })
  })

  it('lets the file redefine a preset catalog entry', () => {
    expect(platform.dataClasses['session-notes']?.description).toBe(
      'Clinical notes and session records of psychology sessions',
    )
    expect(platform.consent.purposes.training?.validity).toBe(24 * 30 * 86_400)
  })

  it('applies workload overrides on top of compute defaults', () => {
    const api = platform.verticals.psychology?.workloads.api
    expect(api?.autoscaling).toMatchObject({
      minReplicas: 2,
      maxReplicas: 8,
      cpuUtilization: 70,
      memoryUtilization: 80,
    })
    expect(api?.schedule).toMatchObject({ businessMinReplicas: 3, peakMinReplicas: 4, leadTime: 900 })
    expect(api?.image).toEqual({ repository: 'ghcr.io/turnos/psychology-api', tag: '1.0.0' })
    expect(platform.verticals.barber?.workloads.api?.scrapeInterval).toBe(5)
    expect(platform.verticals.barber?.workloads.web?.scrapeInterval).toBe(15)
    expect(Object.keys(platform.verticals.beauty?.workloads ?? {})).toEqual(['api'])
  })

  it('resolves markets against their tier and regions to their country', () => {
    expect(platform.markets.cordoba?.latencyP95).toBe(0.12)
    expect(platform.markets.mendoza?.latencyP95).toBe(0.18)
    expect(platform.primaryRegion).toEqual({
      name: 'sa-east-1',
      role: 'primary',
      multiAz: true,
      country: 'BR',
    })
    expect(platform.drRegion?.country).toBe('US')
    expect(platform.verticals.barber?.markets).toEqual(['buenos-aires', 'cordoba', 'rosario', 'la-plata'])
  })

  it('does not share objects between workloads, so one cannot alias another', () => {
    const barber = platform.verticals.barber?.workloads
    expect(barber?.web?.resources).not.toBe(barber?.api?.resources)
  })

  it('is deterministic', () => {
    const again: ResolvedPlatform = resolveText(edit(argentinaText()))
    expect(JSON.stringify(again)).toBe(JSON.stringify(platform))
  })
})
