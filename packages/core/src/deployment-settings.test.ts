import { DEPLOYMENT_ENV, deploymentEnvValues } from '@verticals/observability'
import { describe, expect, it } from 'vitest'
import { deploymentSettings } from './deployment-settings'

// What a generated Deployment of barber's api sets, through the contract's own names.
const plain = deploymentEnvValues('barber', 'api', 8080, {
  bucket: 'turnos-barber-audit-anchors',
  region: 'sa-east-1',
})
const deployed: Record<string, string> = {
  ...Object.fromEntries(Object.entries(plain).map(([k, v]) => [DEPLOYMENT_ENV[k as keyof typeof plain], v])),
  [DEPLOYMENT_ENV.databaseUrl]: 'postgresql://u:p@db:5432/postgres',
  [DEPLOYMENT_ENV.redisUrl]: 'rediss://:t@cache:6379',
  [DEPLOYMENT_ENV.auditKey]: 'k'.repeat(64),
  [DEPLOYMENT_ENV.subjectKey]: 's'.repeat(64),
  [DEPLOYMENT_ENV.monitoringDatabaseUrl]: 'postgresql://verticals_monitor:m@db:5432/postgres',
}

describe('deploymentSettings', () => {
  it('reads every variable the Deployment sets, under the contract’s names', () => {
    expect(deploymentSettings(deployed)).toEqual({
      // The vertical's resolved view, as the runtime ConfigMap holds it.
      configPath: '/etc/verticals/resolved.json',
      runtimeConfigPath: '/etc/verticals/platform.json',
      vertical: 'barber',
      workload: 'api',
      port: 8080,
      databaseUrl: 'postgresql://u:p@db:5432/postgres',
      redisUrl: 'rediss://:t@cache:6379',
      auditKey: 'k'.repeat(64),
      subjectKey: 's'.repeat(64),
      monitoringDatabaseUrl: 'postgresql://verticals_monitor:m@db:5432/postgres',
      auditAnchorsBucket: 'turnos-barber-audit-anchors',
      awsRegion: 'sa-east-1',
      erasureRelayBucket: undefined,
      production: true,
    })
  })

  it('defaults nothing: every missing variable is named at once', () => {
    const { VERTICALS_DATABASE_URL: _db, VERTICALS_PORT: _port, ...rest } = deployed
    expect(() => deploymentSettings(rest)).toThrow(
      expect.objectContaining({
        code: 'DEPLOYMENT_ENV_MISSING',
        message: 'not set: VERTICALS_PORT, VERTICALS_DATABASE_URL',
      }),
    )
  })

  it('refuses a production process without an audit key, naming the variable', () => {
    const { VERTICALS_AUDIT_KEY: _key, ...rest } = deployed
    expect(() => deploymentSettings(rest)).toThrow(
      expect.objectContaining({
        code: 'AUDIT_KEY_MISSING',
        message: expect.stringContaining('VERTICALS_AUDIT_KEY'),
      }),
    )
    expect(deploymentSettings({ ...rest, NODE_ENV: 'development' }).auditKey).toBeUndefined()
  })

  it('refuses a production process without its audit-anchors bucket, naming the variable', () => {
    const { VERTICALS_AUDIT_ANCHORS_BUCKET: _bucket, ...rest } = deployed
    expect(() => deploymentSettings(rest)).toThrow(
      expect.objectContaining({
        code: 'DEPLOYMENT_ENV_MISSING',
        message: expect.stringContaining('VERTICALS_AUDIT_ANCHORS_BUCKET is not set and NODE_ENV=production'),
      }),
    )
    const development = deploymentSettings({ ...rest, NODE_ENV: 'development' })
    expect(development.auditAnchorsBucket).toBeUndefined()
    expect(development.awsRegion).toBe('sa-east-1')
  })

  it('refuses a production process without a subject key, naming the variable', () => {
    const { VERTICALS_SUBJECT_KEY: _key, ...rest } = deployed
    expect(() => deploymentSettings(rest)).toThrow(
      expect.objectContaining({
        code: 'SUBJECT_KEY_MISSING',
        message: expect.stringContaining('VERTICALS_SUBJECT_KEY'),
      }),
    )
    expect(deploymentSettings({ ...rest, NODE_ENV: 'development' }).subjectKey).toBeUndefined()
  })

  it('reads the erasure relay’s bucket where the Deployment of a vertical with one sets it', () => {
    const storage = { bucket: 'turnos-barber-audit-anchors', region: 'sa-east-1' }
    const withRelay = deploymentEnvValues('barber', 'api', 8080, storage, {
      erasureRelayBucket: 'turnos-erasure-relay',
    })
    const env = { ...deployed, [DEPLOYMENT_ENV.erasureRelayBucket]: withRelay.erasureRelayBucket }
    expect(deploymentSettings(env).erasureRelayBucket).toBe('turnos-erasure-relay')
    expect(plain.erasureRelayBucket).toBeUndefined()
  })

  it('refuses a port that is not one', () => {
    for (const port of ['http', '-1', '70000', '80.5']) {
      expect(() => deploymentSettings({ ...deployed, VERTICALS_PORT: port })).toThrow(
        `VERTICALS_PORT must be a TCP port (0-65535), got "${port}"`,
      )
    }
  })
})
