import { describe, expect, it } from 'vitest'
import { settingsFromEnv } from '../src/settings'
import { contractEnv } from './harness'

describe('settingsFromEnv', () => {
  it('reads the deployment contract and defaults only the isolation knobs', () => {
    const env = contractEnv()
    expect(settingsFromEnv(env)).toEqual({
      port: 0,
      host: '0.0.0.0',
      databaseUrl: env.VERTICALS_DATABASE_URL,
      redisUrl: env.VERTICALS_REDIS_URL,
      configPath: env.VERTICALS_CONFIG,
      vertical: 'barber',
      workload: 'api',
      auditKey: undefined,
      subjectKey: undefined,
      monitoringDatabaseUrl: undefined,
      auditAnchorsBucket: undefined,
      awsRegion: undefined,
      erasureRelayBucket: undefined,
      schema: 'barber',
      redisPrefix: '',
      drainTimeoutMs: 10_000,
    })
  })

  it('defaults no contract variable: the old PORT, DATABASE_URL and PLATFORM_CONFIG are not read', () => {
    expect(() =>
      settingsFromEnv({ PORT: '3000', DATABASE_URL: 'postgres://db/x', PLATFORM_CONFIG: 'platform.yaml' }),
    ).toThrow(
      'not set: VERTICALS_CONFIG, VERTICALS_VERTICAL, VERTICALS_WORKLOAD, VERTICALS_PORT, VERTICALS_DATABASE_URL, VERTICALS_REDIS_URL',
    )
  })

  it('reads the isolation settings and refuses a bad one, naming the variable', () => {
    const s = settingsFromEnv({ ...contractEnv(), DB_SCHEMA: 'b2', REDIS_PREFIX: 'p:', HOST: '127.0.0.1' })
    expect(s).toMatchObject({ schema: 'b2', redisPrefix: 'p:', host: '127.0.0.1' })
    expect(() => settingsFromEnv({ ...contractEnv(), VERTICALS_PORT: 'http' })).toThrow('VERTICALS_PORT')
    expect(() => settingsFromEnv({ ...contractEnv(), DRAIN_TIMEOUT_MS: '-1' })).toThrow('DRAIN_TIMEOUT_MS')
  })
})
