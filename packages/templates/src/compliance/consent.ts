import type { Artifact } from '../artifact'
import { formatDuration } from '../text/format'
import { policyArtifact } from './documents'
import { type ComplianceContext, purposesOf } from './facts'
import { legalBasisText } from './labels'
import type { ConsentPolicy } from './schemas'

/**
 * The consent rules of a vertical: the purposes it uses with their legal basis and, where the basis is
 * consent, how it is given (explicit or not), how long a grant lasts and that it can be withdrawn.
 */
export function consentPolicy({
  platform,
  vertical,
}: Pick<ComplianceContext, 'platform' | 'vertical'>): ConsentPolicy {
  return {
    vertical: vertical.name,
    textVersion: platform.consent.textVersion,
    maxValiditySeconds: platform.consent.maxValidity,
    purposes: purposesOf(platform, vertical).map((p) => ({
      name: p.name,
      description: p.description,
      legalBasis: p.legalBasis,
      legalBasisText: legalBasisText(p.legalBasis),
      legalSources: p.legalSources.map((l) => ({ ...l })),
      consentRequired: p.legalBasis === 'consent',
      explicit: p.explicit,
      special: p.special,
      // The runtime's ledger accepts a withdrawal of any consent-based purpose at any time.
      withdrawable: p.legalBasis === 'consent',
      validitySeconds: p.validity,
      validity: formatDuration(p.validity),
      dataClasses: [...p.dataClasses],
    })),
  }
}

/** `consent.json`. */
export function consentArtifacts(ctx: ComplianceContext): Artifact[] {
  return [policyArtifact(ctx, 'consent.json', consentPolicy(ctx))]
}
