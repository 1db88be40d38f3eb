// The `@verticals/core/s3` entry: the anchor sink, the erasure journal and the erasure relay on S3. Kept apart from the
// main entry so a service that anchors elsewhere never loads the AWS SDK (an optional peer dependency).
export { type S3AnchorSinkOptions, s3AnchorSink } from './s3/anchor-sink'
export { type S3AuditStorage, type S3AuditStorageOptions, s3AuditStorage } from './s3/audit-storage'
export { type S3ErasureJournalOptions, s3ErasureJournal } from './s3/erasure-journal'
export { type S3ErasureRelayOptions, s3ErasureRelay } from './s3/erasure-relay'
