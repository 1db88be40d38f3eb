import type { ResolvedPlatform, ResolvedVertical } from '@verticals/config-schema'
import { auditAnchorsView } from '../infrastructure/terraform/audit-anchors'
import { formatDuration } from '../text/format'

/**
 * What the integrity of the audit log and the consent ledger guarantees, and what it rests on, in the
 * words both the records of processing and the DPIA print: one module, so the two papers never differ.
 * Every figure comes from the config (`audit.anchor`, `dataStores.postgres.roles`).
 */
export function integrityView(platform: ResolvedPlatform, vertical: ResolvedVertical) {
  const { anchor } = platform.audit
  const { roles } = platform.dataStores.postgres
  const every = formatDuration(anchor.every)
  const bucket = auditAnchorsView(platform, vertical).bucket
  return {
    anchorEvery: every,
    anchorRetention: formatDuration(anchor.retention),
    anchorBucket: bucket,
    ownerRole: roles.owner,
    appRole: roles.app,
    guarantees: [
      'Every audit entry and every retention checkpoint is keyed with HMAC-SHA256 and chained per record class; every consent grant and withdrawal is chained by an audit entry.',
      'Verification names the first entry that was changed, removed, reordered or forged, a redaction that no erasure or retention record accounts for, and a consent event or state that its chain entry does not vouch for.',
      `The head of every chain is signed and written every ${every} to the bucket ${bucket} under Object Lock in compliance mode, kept ${formatDuration(anchor.retention)}; verification checks the database against the newest anchor, so a truncated tail, a rolled-back head or a rewritten tail is detected.`,
      `The application role ${roles.app} may only insert into and read the audit log, its checkpoints and the consent ledger; rows leave them only through the retention and erasure functions, which remove exactly what a signed checkpoint or an erasure record accounts for.`,
    ],
    assumptions: [
      'The audit key is kept in the secret store, never in the database, and is known only to the service; without it no entry, checkpoint or anchor can be forged.',
      `The anchor bucket is written only by the service, and its Object Lock retention is not shortened; an administrator cannot delete a locked anchor before ${formatDuration(anchor.retention)}.`,
      `A database administrator with the owner role ${roles.owner} can still delete or change rows and drop the constraints; without the key every such change is detected, and with the key too, except changes to entries written since the last anchor, which the next anchor (within ${every}) refuses to cover.`,
    ],
  }
}
