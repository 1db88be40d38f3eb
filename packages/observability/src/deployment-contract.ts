/**
 * The deployment contract: what a generated Deployment gives a Verticals service and what the service
 * reads, in one table that both sides import (templates build the Deployment from it; @verticals/core's
 * deploymentSettings(), the example and the scaffold read through it). Change a name here and both
 * sides change together; change one side alone and the contract tests and the e2e harness fail.
 */

/** Environment variables the Deployment sets, by the name code uses. */
export const DEPLOYMENT_ENV = {
  /** Path of the vertical's resolved view of platform.yaml, resolved.json (inside the mounted ConfigMap). */
  config: 'VERTICALS_CONFIG',
  /** Path of the vertical's runtime summary, platform.json (inside the mounted ConfigMap). */
  runtimeConfig: 'VERTICALS_RUNTIME_CONFIG',
  /** The vertical the service runs as. */
  vertical: 'VERTICALS_VERTICAL',
  /** The workload of the vertical this container is (`api`, ...). */
  workload: 'VERTICALS_WORKLOAD',
  /** The TCP port to listen on: the container port, from `compute.port` (or the workload's own). */
  port: 'VERTICALS_PORT',
  /** Always `production` in a Deployment: core then refuses to start without an audit key. */
  nodeEnv: 'NODE_ENV',
  /** PostgreSQL connection URL, from the runtime Secret. */
  databaseUrl: 'VERTICALS_DATABASE_URL',
  /** Redis URL (`rediss://` with the AUTH token), from the runtime Secret. */
  redisUrl: 'VERTICALS_REDIS_URL',
  /** HMAC key of the audit chains (core's `auditKey`), from the runtime Secret. */
  auditKey: 'VERTICALS_AUDIT_KEY',
  /** Key the identity service signs data-subject-request callers' tokens with, from the runtime Secret. */
  dsrAuthSecret: 'VERTICALS_DSR_AUTH_SECRET',
  /** HMAC key of the digests that name subjects and actors (core's `subjectKey`), from the runtime Secret. */
  subjectKey: 'VERTICALS_SUBJECT_KEY',
} as const

/** The value of NODE_ENV in every generated Deployment. */
export const DEPLOYMENT_NODE_ENV = 'production'

/** The env vars whose values come from the runtime Secret, with the Secret key each one reads. */
export const SECRET_ENV = {
  databaseUrl: 'database-url',
  redisUrl: 'redis-url',
  auditKey: 'audit-key',
  dsrAuthSecret: 'dsr-auth-secret',
  subjectKey: 'subject-key',
} as const satisfies Partial<Record<keyof typeof DEPLOYMENT_ENV, string>>

/**
 * The exporters' environment: each reads the same connection URL as the service, from the same
 * runtime Secret key (postgres_exporter's DATA_SOURCE_NAME, redis_exporter's REDIS_ADDR, which
 * carries the AUTH token in its URL).
 */
export const EXPORTER_SECRET_ENV = {
  postgres: { DATA_SOURCE_NAME: SECRET_ENV.databaseUrl },
  redis: { REDIS_ADDR: SECRET_ENV.redisUrl },
} as const

/** Name of the Kubernetes Secret (materialized by the ExternalSecret) that holds SECRET_ENV's keys. */
export function runtimeSecretName(vertical: string): string {
  return `${vertical}-runtime`
}

/** Where the runtime ConfigMap is mounted, and the files in it. */
export const CONFIG_MOUNT = {
  dir: '/etc/verticals',
  /** The vertical's resolved view of platform.yaml (canonical JSON), what core's loadPlatformConfig reads. */
  configFile: 'resolved.json',
  runtimeFile: 'platform.json',
} as const

/** The only writable path of a container: an emptyDir (the root filesystem is read-only). */
export const WRITABLE_MOUNT = '/tmp'

/**
 * The numeric user and group a service's image runs as and the pod's securityContext names; the
 * Dockerfiles of the example and the scaffold use the same numbers.
 */
export const CONTAINER_USER = { uid: 10001, gid: 10001 } as const

/** Name of the container port (the Service and the probes refer to it by name). */
export const PORT_NAME = 'http'

/** Name of a workload's ServiceAccount (IRSA binds its IAM role to exactly this name). */
export function serviceAccountName(vertical: string, workload: string): string {
  return `${vertical}-${workload}`
}

/** The values of the non-secret env vars for one workload, as the Deployment sets them. */
export function deploymentEnvValues(
  vertical: string,
  workload: string,
  port: number,
): Record<'config' | 'runtimeConfig' | 'vertical' | 'workload' | 'port' | 'nodeEnv', string> {
  return {
    config: `${CONFIG_MOUNT.dir}/${CONFIG_MOUNT.configFile}`,
    runtimeConfig: `${CONFIG_MOUNT.dir}/${CONFIG_MOUNT.runtimeFile}`,
    vertical,
    workload,
    port: String(port),
    nodeEnv: DEPLOYMENT_NODE_ENV,
  }
}
