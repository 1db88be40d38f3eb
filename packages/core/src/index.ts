export type { AnchorReceipt, LatestAnchor } from './audit/anchor'
export {
  type AnchorDocument,
  type AnchoredHead,
  type AnchorScope,
  type AnchorSink,
  anchorKey,
  anchorPrefix,
  memoryAnchorSink,
  readAnchor,
} from './audit/anchor-document'
export type { AuditReceipt } from './audit/appender'
export type { AuditInput, AuditLog, AuditVerification, VerifyOptions } from './audit/audit'
export { canonicalJson, entryHash, GENESIS, idDigest } from './audit/canonical'
export { AuditKey, DEVELOPMENT_AUDIT_KEY, MIN_AUDIT_KEY_LENGTH } from './audit/key'
export { ERASURE_RECORD_TYPE, RETENTION_REDACTION_TYPE } from './audit/redaction'
export type { BreakReason, BrokenAt } from './audit/verify'
export {
  type AuditStorageSettings,
  type OpenedAuditStorage,
  openAuditStorage,
} from './audit-storage'
export { CircuitBreaker } from './cache/breaker'
export type { Cache, WrapOptions } from './cache/cache'
export {
  type Connections,
  type OpenConnectionsOptions,
  openConnections,
  type RedisClient,
} from './connections'
export type { Consent } from './consent/consent'
export type { ConsentEvidence, ConsentRecord } from './consent/evidence'
export type { ConsentDecision, ConsentReason } from './consent/state'
export { type DeploymentSettings, deploymentSettings } from './deployment-settings'
export {
  addBusinessDays,
  addBusinessDaysIn,
  computeDeadlines,
  DEADLINE_KIND,
  type DeadlineKind,
  DSR_KINDS,
  type DsrDeadlines,
  type DsrKind,
  type WorkingCalendar,
} from './dsr/deadlines'
export type { DataSubjectRequests } from './dsr/dsr'
export type { RetainedByDuty } from './dsr/duties'
export type { ErasureReport } from './dsr/erase'
export type { CoTenantErasureTiming } from './dsr/erasure-channel'
export {
  type ErasureJournal,
  type ErasureJournalEntry,
  journalPrefix,
  memoryErasureJournal,
} from './dsr/erasure-journal'
export { type ErasureRelay, memoryErasureRelay, type RelayedErasure } from './dsr/erasure-relay'
export type { SubjectExport } from './dsr/export'
export { PORTABILITY_FORMAT, type PortableData } from './dsr/portability'
export type { ReplayReport } from './dsr/replay'
export type { DsrFulfilment, DsrRequest, FulfilOptions } from './dsr/request'
export type { Restriction, Restrictions } from './dsr/restrictions'
export {
  completeRecordVerifier,
  type IdentityCheck,
  type IdentityVerification,
  type IdentityVerifier,
} from './dsr/verification'
export { createPlatformFromEnv, type PlatformFromEnvOptions, VERTICAL_ENV } from './from-env'
export type { BreachNotification } from './incidents/clocks'
export type { Breach, Incidents } from './incidents/incidents'
export { CONFIG_ENV, loadPlatformConfig } from './load-config'
export type { CacheResult, ConsentResult, CoreLogger, CoreMetrics } from './metrics'
export { type MigrateResult, migrate } from './migrations/migrate'
export { DEFAULT_SCHEMA, psqlMigration } from './migrations/psql'
export { DEFAULT_ROLES, type PostgresRoles } from './migrations/roles'
export { MIGRATIONS, type Migration } from './migrations/sql.generated'
export { observabilityMetrics } from './observability-adapter'
export { createPlatform, type Platform, type PlatformOptions } from './platform'
export type { HoldTarget, LegalHolds } from './records/holds'
export type { PersonalRecord, Records } from './records/records'
export type {
  Retention,
  RetentionClassReport,
  RetentionOptions,
  RetentionReport,
} from './retention/retention'
export { DEVELOPMENT_SUBJECT_KEY, MIN_SUBJECT_KEY_LENGTH, SubjectKey } from './subject-key'
export { type Db, type DbClient, observeQueries, type QueryObserver } from './timed-queries'
