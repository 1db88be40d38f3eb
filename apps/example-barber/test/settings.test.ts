import { describe, expect, it } from 'vitest'
import { settingsFromEnv } from '../src/settings'

describe('settingsFromEnv', () => {
  it('defaults to port 3000 and this machine’s PostgreSQL and Redis', () => {
    const s = settingsFromEnv({})
    expect(s).toMatchObject({
      port: 3000,
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/test',
      redisUrl: 'redis://127.0.0.1:6379',
      schema: 'barber',
      redisPrefix: '',
      drainTimeoutMs: 10_000,
    })
    expect(s.configPath).toMatch(/example-barber[/\\]platform\.yaml$/)
  })

  it('reads PORT, DATABASE_URL, REDIS_URL and the isolation settings', () => {
    const s = settingsFromEnv({
      PORT: '0',
      DATABASE_URL: 'postgres://db/x',
      REDIS_URL: 'redis://cache:6380',
      DB_SCHEMA: 'b2',
      REDIS_PREFIX: 'p:',
    })
    expect(s).toMatchObject({
      port: 0,
      databaseUrl: 'postgres://db/x',
      redisUrl: 'redis://cache:6380',
      schema: 'b2',
      redisPrefix: 'p:',
    })
  })

  it('refuses a port that is not a non-negative integer, naming the variable', () => {
    expect(() => settingsFromEnv({ PORT: 'http' })).toThrow('PORT must be a non-negative integer, got "http"')
    expect(() => settingsFromEnv({ DRAIN_TIMEOUT_MS: '-1' })).toThrow('DRAIN_TIMEOUT_MS')
  })
})
