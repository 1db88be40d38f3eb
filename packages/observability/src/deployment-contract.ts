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
  /**
   * postgres_exporter's URL (its least-privilege role and password), from the runtime Secret: the
   * service, which migrates as the database's owner, creates that role and sets its password from it.
   */
  monitoringDatabaseUrl: 'VERTICALS_MONITORING_DATABASE_URL',
  /**
   * The vertical's audit-anchors bucket (audit-anchors.tf, Object Lock): core anchors its audit chain
   * heads there and journals erasures beside them. Its workload role may read, write and list it.
   */
  auditAnchorsBucket: 'VERTICALS_AUDIT_ANCHORS_BUCKET',
  /** The region of that bucket, the vertical's primary region (the AWS SDK reads this name). */
  awsRegion: 'AWS_REGION',
  /**
   * The platform's erasure-relay bucket (core's `s3ErasureRelay`), set for a vertical that erases
   * platform-wide with verticals on other PostgreSQL stores: it asks them, and answers them, through it.
   */
  erasureRelayBucket: 'VERTICALS_ERASURE_RELAY_BUCKET',
} as const

/** The value of NODE_ENV in every generated Deployment. */
export const DEPLOYMENT_NODE_ENV = 'production'

/**
 * The runtime Secret's keys of the exporters: connection URLs of least-privilege monitoring
 * identities, never the service's credentials. postgres_exporter logs in as MONITORING_ROLE (pg_monitor
 * and nothing else), redis_exporter as the ACL user REDIS_MONITORING_USER, allowed only
 * REDIS_EXPORTER_COMMANDS. The service reads the PostgreSQL one too, to set that role's password.
 */
export const MONITORING_SECRET_KEYS = {
  postgres: 'monitoring-database-url',
  redis: 'monitoring-redis-url',
} as const

/** The env vars whose values come from the runtime Secret, with the Secret key each one reads. */
export const SECRET_ENV = {
  databaseUrl: 'database-url',
  redisUrl: 'redis-url',
  auditKey: 'audit-key',
  dsrAuthSecret: 'dsr-auth-secret',
  subjectKey: 'subject-key',
  monitoringDatabaseUrl: MONITORING_SECRET_KEYS.postgres,
} as const satisfies Partial<Record<keyof typeof DEPLOYMENT_ENV, string>>

/**
 * The exporters' environment, each variable from its MONITORING_SECRET_KEYS key of the runtime
 * Secret (postgres_exporter's DATA_SOURCE_NAME; redis_exporter's REDIS_ADDR, which carries the ACL
 * user and its password in the URL).
 */
export const EXPORTER_SECRET_ENV = {
  postgres: { DATA_SOURCE_NAME: MONITORING_SECRET_KEYS.postgres },
  redis: { REDIS_ADDR: MONITORING_SECRET_KEYS.redis },
} as const

/**
 * The PostgreSQL login of postgres_exporter: core's migration 0011 creates it (or, with
 * `dataStores.postgres.roles.provision: expect`, requires it) and grants it pg_monitor only, so it
 * reads the statistics views and settings but no table of any schema.
 */
export const MONITORING_ROLE = 'verticals_monitor'

/** The Redis ACL user of redis_exporter (an ElastiCache RBAC user in the bundle). */
export const REDIS_MONITORING_USER = 'verticals-monitor'

/**
 * What redis_exporter runs with the bundle's flags (no key or stream checks): PING, INFO, the
 * read-only subcommands of CONFIG, CLUSTER, CLIENT, SLOWLOG, LATENCY and MEMORY, and SELECT. No
 * command that reads or writes a key, and no key pattern at all.
 */
export const REDIS_EXPORTER_COMMANDS = [
  'ping',
  'info',
  'select',
  'config|get',
  'cluster|info',
  'client|list',
  'client|info',
  'client|setname',
  'slowlog|get',
  'slowlog|len',
  'latency|latest',
  'latency|histogram',
  'memory|stats',
] as const

/**
 * The ACL rules of REDIS_MONITORING_USER, password apart (an ElastiCache access string takes none):
 * enabled, every command denied but REDIS_EXPORTER_COMMANDS, and no key pattern (a new user has none).
 */
export function redisExporterAcl(): string {
  return ['on', '-@all', ...REDIS_EXPORTER_COMMANDS.map((c) => `+${c}`)].join(' ')
}

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

/** Where a vertical keeps what must outlive its database: the audit-anchors bucket and its region. */
export interface AuditStorage {
  readonly bucket: string
  readonly region: string
}

/** The non-secret env vars, by the name code uses. */
export type PlainDeploymentEnv =
  | 'config'
  | 'runtimeConfig'
  | 'vertical'
  | 'workload'
  | 'port'
  | 'nodeEnv'
  | 'auditAnchorsBucket'
  | 'awsRegion'

/**
 * The values of the non-secret env vars for one workload, as the Deployment sets them; the erasure
 * relay's bucket only where the vertical has one.
 */
export function deploymentEnvValues(
  vertical: string,
  workload: string,
  port: number,
  storage: AuditStorage,
  options: { erasureRelayBucket?: string } = {},
): Record<PlainDeploymentEnv, string> & { erasureRelayBucket?: string } {
  return {
    config: `${CONFIG_MOUNT.dir}/${CONFIG_MOUNT.configFile}`,
    runtimeConfig: `${CONFIG_MOUNT.dir}/${CONFIG_MOUNT.runtimeFile}`,
    vertical,
    workload,
    port: String(port),
    nodeEnv: DEPLOYMENT_NODE_ENV,
    auditAnchorsBucket: storage.bucket,
    awsRegion: storage.region,
    ...(options.erasureRelayBucket === undefined ? {} : { erasureRelayBucket: options.erasureRelayBucket }),
  }
}
