import type { ArtifactBuilder } from '../artifact'
import { consentArtifacts } from './consent'
import { dataMapArtifacts } from './data-map'
import { disasterRecoveryArtifacts } from './disaster-recovery'
import { dpiaArtifacts } from './dpia'
import { dsrArtifacts } from './dsr'
import { incidentResponseArtifacts } from './incident-response'
import { migrationArtifacts } from './migrations'
import { recordsArtifacts } from './records-of-processing'
import { retentionArtifacts } from './retention'

/**
 * Builds the compliance bundle of one vertical: policies (JSON), documents (Markdown), the runtime's
 * SQL migrations and the runbooks, all from the resolved config.
 */
export const complianceBundle: ArtifactBuilder = (context) => [
  ...retentionArtifacts(context),
  ...consentArtifacts(context),
  ...dataMapArtifacts(context),
  ...recordsArtifacts(context),
  ...dsrArtifacts(context),
  ...dpiaArtifacts(context),
  ...migrationArtifacts(context, context.migrations),
  ...incidentResponseArtifacts(context),
  ...disasterRecoveryArtifacts(context),
]
