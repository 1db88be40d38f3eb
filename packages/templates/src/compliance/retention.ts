import type { Artifact } from '../artifact'
import { formatDuration } from '../text/format'
import { markdownArtifact, policyArtifact } from './documents'
import { type ComplianceContext, classesOf } from './facts'
import { recordActionText } from './labels'
import type { RetentionPolicy } from './schemas'

/** The retention policy of a vertical: every record class (the audit log uses them all) and its data. */
export function retentionPolicy({
  platform,
  vertical,
}: Pick<ComplianceContext, 'platform' | 'vertical'>): RetentionPolicy {
  const classes = classesOf(platform, vertical)
  return {
    vertical: vertical.name,
    batchSize: platform.retention.batchSize,
    runEverySeconds: platform.retention.runEvery,
    recordClasses: Object.entries(platform.retention.recordClasses).map(([name, rc]) => ({
      name,
      description: rc.description,
      keepSeconds: rc.keep,
      keep: formatDuration(rc.keep),
      action: rc.action,
      dataClasses: classes.filter((c) => c.recordClass === name).map((c) => c.name),
      duty: rc.duty
        ? {
            minimumSeconds: rc.duty.minimum,
            minimum: formatDuration(rc.duty.minimum),
            countedFrom: rc.duty.countedFrom,
            source: rc.duty.source,
          }
        : null,
    })),
    operational: {
      metricsSeconds: platform.monitoring.retention,
      logsSeconds: platform.monitoring.logRetention,
      databaseBackupsSeconds: platform.dataStores.postgres.backupRetention,
    },
  }
}

/** `retention.json` and the readable `retention-schedule.md`. */
export function retentionArtifacts(ctx: ComplianceContext): Artifact[] {
  const policy = retentionPolicy(ctx)
  const { platform, vertical } = ctx
  const view = {
    displayName: vertical.displayName,
    batchSize: policy.batchSize,
    runEvery: policy.runEverySeconds,
    recordClasses: policy.recordClasses.map((rc) => ({ ...rc, actionText: recordActionText(rc.action) })),
    // The articles that let a retention duty override erasure, whatever the duty's own source.
    dutyOverridesErasure: 'GDPR art. 17(3)(b), LGPD art. 16 I',
    duties: policy.recordClasses.flatMap((rc) =>
      rc.duty
        ? [
            {
              name: rc.name,
              ...rc.duty,
              countedFromText:
                rc.duty.countedFrom === 'last-entry'
                  ? "the last entry of the subject's record"
                  : 'the creation of each record',
            },
          ]
        : [],
    ),
    unclassified: classesOf(platform, vertical)
      .filter((c) => c.personal && c.recordClass === null)
      .map((c) => c.name),
    operational: policy.operational,
  }
  return [
    policyArtifact(ctx, 'retention.json', policy),
    markdownArtifact(ctx, 'compliance', 'retention-schedule.md', 'compliance-document', view),
  ]
}
