import type { JurisdictionFacts } from '@verticals/config-schema'

type LegalDeadline = JurisdictionFacts['deadlines']['access']

// Human wording of the config's enum values. An unknown value (a newer config, a hostile edit) prints
// as itself, escaped by the template, rather than as a blank.

const LEGAL_BASES: Readonly<Record<string, string>> = {
  consent: 'consent of the data subject',
  contract: 'performance of a contract with the data subject',
  'legal-obligation': 'compliance with a legal obligation',
  'legitimate-interest': 'legitimate interests of the controller',
  'vital-interest': 'vital interests of the data subject',
  'health-care': 'health care by health professionals under professional secrecy',
}

const TRANSFER_MECHANISMS: Readonly<Record<string, string>> = {
  adequacy: 'adequacy of the destination country',
  'model-clauses': 'model contractual clauses',
  consent: 'express consent of the data subject',
  'binding-corporate-rules': 'binding corporate rules',
}

const STORAGE_SYSTEMS: Readonly<Record<string, string>> = {
  postgres: 'PostgreSQL (Amazon RDS)',
  redis: 'Redis (Amazon ElastiCache)',
  'object-storage': 'object storage (Amazon S3)',
  cdn: 'CDN edge caches (Amazon CloudFront)',
}

const RECORD_ACTIONS: Readonly<Record<string, string>> = {
  delete: 'deleted',
  anonymize: 'anonymized',
}

/** The legal basis as a sentence fragment. */
export const legalBasisText = (basis: string): string => LEGAL_BASES[basis] ?? basis

/** The transfer mechanism as a sentence fragment. */
export const transferMechanismText = (mechanism: string): string =>
  TRANSFER_MECHANISMS[mechanism] ?? mechanism

/** The storage system behind a `storage` value of a data class. */
export const storageText = (storage: string): string => STORAGE_SYSTEMS[storage] ?? storage

/** What retention does to a record past its time, as a past participle. */
export const recordActionText = (action: string): string => RECORD_ACTIONS[action] ?? action

/** A legal deadline as the law counts it: "10 calendar days", "5 business days", "1 month". */
export function legalDeadlineText(deadline: LegalDeadline): string {
  if (deadline.months !== undefined) return `${deadline.months} month${deadline.months === 1 ? '' : 's'}`
  return `${deadline.days} ${deadline.business ? 'business' : 'calendar'} day${deadline.days === 1 ? '' : 's'}`
}
