// The fideslang default taxonomy of data categories, kept as data so a category key is checked against
// the real taxonomy. Source: github.com/ethyca/fideslang, src/fideslang/default_taxonomy/data_categories.py
// at commit 1144db3c9689e7324d92659e7240cac2dd384029 (release 3.2.0; docs/migration/v3.2.0.md lists
// the replaced keys). Keys deprecated in 3.2.0 are left out of FIDESLANG_CATEGORIES and kept in
// FIDESLANG_REPLACED, so an old spelling gets an error that names its replacement.

/** The taxonomy release and file these keys were copied from. */
export const FIDESLANG_TAXONOMY = {
  version: '3.2.0',
  repository: 'https://github.com/ethyca/fideslang',
  path: 'src/fideslang/default_taxonomy/data_categories.py',
  commit: '1144db3c9689e7324d92659e7240cac2dd384029',
} as const

/** Every data category key of the taxonomy that is not deprecated, in the file's order. */
export const FIDESLANG_CATEGORIES = [
  'user',
  'user.account',
  'user.account.username',
  'user.authorization',
  'user.authorization.credentials',
  'user.authorization.biometrics',
  'user.authorization.password',
  'user.behavior',
  'user.behavior.browsing_history',
  'user.behavior.media_consumption',
  'user.behavior.purchase_history',
  'user.behavior.search_history',
  'user.biometrics',
  'user.biometrics.fingerprint',
  'user.biometrics.retinal',
  'user.biometrics.voice',
  'user.children',
  'user.children.children_under_thirteen',
  'user.children.thirteen_to_sixteen',
  'user.contact',
  'user.contact.address',
  'user.contact.address.city',
  'user.contact.address.country',
  'user.contact.email',
  'user.contact.phone_number',
  'user.contact.social_url',
  'user.contact.fax_number',
  'user.contact.address.postal_code',
  'user.contact.address.state',
  'user.contact.address.street',
  'user.contact.address.mailing_address',
  'user.content',
  'user.content.private',
  'user.content.public',
  'user.content.self_image',
  'user.demographic',
  'user.demographic.age_range',
  'user.demographic.date_of_birth',
  'user.demographic.gender',
  'user.demographic.language',
  'user.demographic.marital_status',
  'user.demographic.political_opinion',
  'user.demographic.profile',
  'user.demographic.race_ethnicity',
  'user.demographic.religious_belief',
  'user.demographic.sexual_orientation',
  'user.demographic.citizenship_or_immigration_status',
  'user.demographic.philosophical_belief',
  'user.demographic.protected_classifications',
  'user.demographic.union_membership',
  'user.location',
  'user.location.coarse',
  'user.location.precise',
  'user.device',
  'user.device.cookie',
  'user.device.cookie_id',
  'user.device.device_id',
  'user.device.ip_address',
  'user.device.sensor',
  'user.device.telemetry',
  'user.payment',
  'user.social_activity',
  'user.settings',
  'user.unique_id',
  'user.unique_id.deterministic',
  'user.unique_id.probablistic',
  'user.financial',
  'user.financial.bank_account',
  'user.financial.credit_card',
  'user.government_id',
  'user.government_id.birth_certificate',
  'user.government_id.drivers_license_number',
  'user.government_id.immigration',
  'user.government_id.national_identification_number',
  'user.government_id.passport_number',
  'user.government_id.vehicle_registration',
  'user.health',
  'user.health.genetic',
  'user.health.insurance_beneficiary_id',
  'user.health.record_id',
  'user.health.baby_formula',
  'user.health.condition',
  'user.health.maternity_clothing',
  'user.health.medical_diagnosis',
  'user.health.medications',
  'user.health.prescriptions',
  'user.health.reproductive_or_sexual',
  'user.health.social_psychological_behavioral',
  'user.health.symptons',
  'user.health.treatment',
  'user.name',
  'user.name.first',
  'user.name.last',
  'user.criminal_history',
  'user.privacy_preferences',
  'user.professional_information',
  'user.professional_information.job_title',
  'user.professional_information.workplace',
  'system',
  'system.authentication',
  'system.operations',
] as const

/** A data category key of the fideslang taxonomy. */
export type FideslangCategory = (typeof FIDESLANG_CATEGORIES)[number]

/** Keys fideslang 3.2.0 deprecated (`replaced_by` in the taxonomy file), with the key that replaces each. */
export const FIDESLANG_REPLACED: Readonly<Record<string, FideslangCategory>> = {
  'user.account.settings': 'user.settings',
  'user.authorization.biometric': 'user.authorization.biometrics',
  'user.biometric': 'user.biometrics',
  'user.biometric.fingerprint': 'user.biometrics.fingerprint',
  'user.biometric.retinal': 'user.biometrics.retinal',
  'user.biometric.voice': 'user.biometrics.voice',
  'user.biometric.health': 'user.biometrics',
  'user.childrens': 'user.children',
  'user.contact.url': 'user.contact.social_url',
  'user.contact.organization': 'user.contact',
  'user.location.imprecise': 'user.location.coarse',
  'user.social': 'user.social_activity',
  'user.unique_id.pseudonymous': 'user.unique_id',
  'user.telemetry': 'user.device.telemetry',
  'user.user_sensor': 'user.device.sensor',
  'user.sensor': 'user.device.sensor',
  'user.health_and_medical': 'user.health',
  'user.health_and_medical.genetic': 'user.health.genetic',
  'user.health_and_medical.insurance_beneficiary_id': 'user.health.insurance_beneficiary_id',
  'user.health_and_medical.record_id': 'user.health.record_id',
  'user.job_title': 'user.professional_information.job_title',
  'user.workplace': 'user.professional_information.workplace',
}

/** Keys earlier Verticals releases accepted that are not fideslang keys, with the fideslang key to use. */
export const VERTICALS_RENAMED: Readonly<Record<string, FideslangCategory>> = {
  'system.assets': 'system.operations',
  'user.authentication': 'user.authorization',
  'user.genetic': 'user.health.genetic',
  'user.racial_ethnic_origin': 'user.demographic.race_ethnicity',
  'user.political_opinion': 'user.demographic.political_opinion',
  'user.religious_belief': 'user.demographic.religious_belief',
  'user.sexual_orientation': 'user.demographic.sexual_orientation',
  'user.trade_union_membership': 'user.demographic.union_membership',
}

/** The fideslang key that replaces an old spelling (ours or fideslang's deprecated one), if any. */
export function replacementOf(key: string): FideslangCategory | undefined {
  return Object.hasOwn(VERTICALS_RENAMED, key)
    ? VERTICALS_RENAMED[key]
    : Object.hasOwn(FIDESLANG_REPLACED, key)
      ? FIDESLANG_REPLACED[key]
      : undefined
}
