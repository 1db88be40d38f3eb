import { type BrokenCase, c } from './broken-case.ts'

/** One case per cross-field rule (and per jurisdiction for DSR deadlines). */
export const RULE_CASES: BrokenCase[] = [
  // cross-field rules
  c(
    'rule-shares-not-100',
    'SHARES_NOT_100',
    'markets',
    ['  buenos-aires: {', '  §buenos-aires: {'],
    ['trafficShare: 60%', 'trafficShare: 65%'],
  ),
  c('rule-planned-market-traffic', 'SHARES_NOT_100', 'markets.mendoza.trafficShare', [
    '    trafficShare: 0%',
    '    trafficShare: §5%',
  ]),
  c(
    'rule-min-above-max-replicas',
    'MIN_ABOVE_MAX',
    'verticals.psychology.workloads.api.autoscaling.minReplicas',
    ['autoscaling: { minReplicas: 2, maxReplicas: 8 }', 'autoscaling: { minReplicas: §9, maxReplicas: 8 }'],
  ),
  c('rule-request-above-limit', 'MIN_ABOVE_MAX', 'compute.resources.requests.cpu', [
    'requests: { cpu: 500m',
    'requests: { cpu: §3000m',
  ]),
  c('rule-pool-alarm-above-pool', 'MIN_ABOVE_MAX', 'dataStores.postgres.pool.alarmAt', [
    'alarmAt: 160',
    'alarmAt: §260',
  ]),
  c('rule-peak-below-business', 'MIN_ABOVE_MAX', 'compute.schedule.peakMinReplicas', [
    '    peakMinReplicas: 12',
    '    peakMinReplicas: §6',
  ]),
  c('rule-rto-above-full-system', 'MIN_ABOVE_MAX', 'disasterRecovery.rto.application', [
    'application: 30m',
    'application: §3h',
  ]),
  c('rule-slo-period-above-retention', 'MIN_ABOVE_MAX', 'slo.period', ['  period: 30d', '  period: §90d']),
  c('rule-rolling-update-stuck', 'INVALID_VALUE', 'compute.rollingUpdate', [
    'rollingUpdate: { maxSurge: 2, maxUnavailable: 1 }',
    'rollingUpdate: §{ maxSurge: 0, maxUnavailable: 0 }',
  ]),
  c('rule-dr-same-as-primary', 'REGIONS', 'regions[1].name', ['  - name: us-east-1', '  - name: §sa-east-1']),
  c(
    'rule-two-primaries',
    'REGIONS',
    'regions',
    ['regions:\n  - name', 'regions:\n  §- name'],
    ['    role: dr', '    role: primary'],
  ),
  c('rule-special-category-cached', 'SPECIAL_CATEGORY_CACHED', 'cache.ttl.session-notes', [
    '    session-notes: 0s',
    '    session-notes: §5m',
  ]),
  c('rule-special-category-on-cdn', 'SPECIAL_CATEGORY_CACHED', 'cache.cdnTtl.biometric-measurements', [
    '    api-responses: 5m\n',
    '    api-responses: 5m\n    biometric-measurements: §1m\n',
  ]),
  c('rule-dsr-access-exceeds-ar', 'DSR_DEADLINE_EXCEEDS_LAW', 'dsr.deadlines.access', [
    'deadlines: { access: 72h',
    'deadlines: { access: §11d',
  ]),
  c('rule-dsr-erasure-exceeds-ar', 'DSR_DEADLINE_EXCEEDS_LAW', 'dsr.deadlines.erasure', [
    'erasure: 24h }',
    'erasure: §6d }',
  ]),
  c('rule-breach-target-exceeds-law', 'BREACH_TARGET_INVALID', 'incidents.breachNotification.BR.within', [
    '  breachNotification:\n    AR: {',
    '  breachNotification:\n    BR: { within: §4d }\n    AR: {',
  ]),
  c(
    'rule-dsr-exceeds-br',
    'DSR_DEADLINE_EXCEEDS_LAW',
    'dsr.deadlines.access',
    ['jurisdictions: [AR, BR]', 'jurisdictions: [BR]'],
    ['  subjectsCountry: AR', '  subjectsCountry: BR'],
    ['    - { from: AR, to: BR,', '    - { from: BR, to: AR,'], // Mercado Pago, in AR, is abroad now
    ['deadlines: { access: 72h', 'deadlines: { access: §16d'],
  ),
  c(
    'rule-dsr-exceeds-eu',
    'DSR_DEADLINE_EXCEEDS_LAW',
    'dsr.deadlines.rectification',
    ['jurisdictions: [AR, BR]', 'jurisdictions: [EU]'],
    ['  subjectsCountry: AR', '  subjectsCountry: ES'],
    ['    - { from: AR, to: US,', '    - { from: ES, to: US,'], // the recipients in the USA
    ['  - name: sa-east-1', '  - name: eu-west-3'],
    ['  - name: us-east-1', '  - name: eu-west-1'],
    ['rectification: 48h', 'rectification: §1mo'],
  ),
  c(
    'rule-transfer-mechanism-missing',
    'TRANSFER_MECHANISM_MISSING',
    'regions[0].name',
    ['  transferMechanism: model-clauses\n', ''],
    [
      '    - { from: AR, to: BR, mechanism: model-clauses, reference: "Cláusulas modelo AAIP con AWS, contrato 2026-01" }\n',
      '',
    ],
    ['  - name: sa-east-1', '  - name: §sa-east-1'],
  ),
  c(
    'rule-region-in-brazil-needs-lgpd',
    'JURISDICTION_MISSING',
    'regions[0].name',
    ['jurisdictions: [AR, BR]', 'jurisdictions: [AR]'],
    ['  - name: sa-east-1', '  - name: §sa-east-1'],
  ),
  c(
    'rule-subjects-law-missing',
    'JURISDICTION_MISSING',
    'dataResidency.subjectsCountry',
    ['jurisdictions: [AR, BR]', 'jurisdictions: [BR]'],
    ['  subjectsCountry: AR', '  subjectsCountry: §AR'],
  ),
  c('rule-consent-validity-zero', 'CONSENT_VALIDITY', 'consent.purposes.health-care.validity', [
    '      validity: 24mo',
    '      validity: §0s',
  ]),
  c('rule-consent-validity-above-max', 'CONSENT_VALIDITY', 'consent.purposes.health-care.validity', [
    '      validity: 24mo',
    '      validity: §36mo',
  ]),
  c('rule-explicit-consent-missing', 'EXPLICIT_CONSENT_REQUIRED', 'consent.purposes.health-care.explicit', [
    '      explicit: true',
    '      explicit: §false',
  ]),
  c('rule-vertical-special-without-purpose', 'EXPLICIT_CONSENT_REQUIRED', 'verticals.fitness.purposes', [
    '  fitness: # biometric data (special under LGPD and GDPR)\n',
    '  fitness: # biometric data (special under LGPD and GDPR)\n    purposes: §[booking, marketing]\n',
  ]),
  c('rule-unknown-tier', 'UNKNOWN_REFERENCE', 'markets.rosario.tier', [
    'Rosario, tier: tier-2',
    'Rosario, tier: §tier-22',
  ]),
  c('rule-unknown-severity', 'UNKNOWN_REFERENCE', 'alerts.cpu.severity', [
    'cpu: { threshold: 80%, for: 5m, severity: high }',
    'cpu: { threshold: 80%, for: 5m, severity: §hihg }',
  ]),
  c('rule-unknown-data-class', 'UNKNOWN_REFERENCE', 'cache.ttl.user-profile', [
    '    user-profiles: 2h',
    '    §user-profile: 2h',
  ]),
  c('rule-unknown-record-class', 'UNKNOWN_REFERENCE', 'dataClasses.session-notes.recordClass', [
    '    recordClass: clinical',
    '    recordClass: §clinic',
  ]),
  c('rule-unknown-vertical-preset', 'UNKNOWN_REFERENCE', 'verticals.fitnes', [
    '  fitness: # biometric data (special under LGPD and GDPR)\n',
    '  §fitnes: # biometric data (special under LGPD and GDPR)\n',
  ]),
  c('rule-budget-exceeded', 'BUDGET_EXCEEDED', 'budget.monthly', [
    '  monthly: USD 15000',
    '  monthly: §USD 7000',
  ]),
  c('rule-budget-currency', 'BUDGET_EXCEEDED', 'markets.la-plata.budget', [
    'budget: USD 400',
    'budget: §ARS 400',
  ]),
  c('rule-budget-thresholds-fall', 'INVALID_VALUE', 'budget.alertThresholds[1]', [
    'alertThresholds: [80%, 100%]',
    'alertThresholds: [100%, §80%]',
  ]),
  c('rule-window-ends-before-start', 'SCHEDULE', 'maintenance.windows.database', [
    'database: { days: [sun], start: "04:00", end: "05:00"',
    'database: §{ days: [sun], start: "04:00", end: "03:00"',
  ]),
  c(
    'rule-business-hours-reversed',
    'SCHEDULE',
    'compute.schedule.businessHours',
    ['businessHours: { days', 'businessHours: §{ days'],
    ['end: "18:00"', 'end: "08:00"'],
  ),
  c('rule-availability-100', 'INVALID_VALUE', 'tiers.tier-1.availability', [
    '    availability: 99.95%',
    '    availability: §100%',
  ]),
  c(
    'rule-special-basis-not-allowed',
    'LEGAL_BASIS_NOT_ALLOWED',
    'consent.purposes.clinical-record.legalBasis',
    ['      legalBasis: health-care', '      legalBasis: §legitimate-interest'],
  ),
  c('rule-retention-below-duty', 'RETENTION_BELOW_DUTY', 'retention.recordClasses.clinical.keep', [
    '      keep: 10y\n      description: Clinical',
    '      keep: §5y\n      description: Clinical',
  ]),
]

/** Cases of the AWS-limit rules (added after the npm cases, so earlier numbers stay). */
export const AWS_LIMIT_CASES: BrokenCase[] = [
  c('rule-redis-nodes-above-aws-limit', 'AWS_LIMIT', 'dataStores.redis.nodes', [
    '    nodes: 2\n',
    '    nodes: §8\n',
  ]),
]

/** Cases of the input-size limits (added after the AWS-limit cases). */
export const SIZE_CASES: BrokenCase[] = [
  c(
    'size-too-many-verticals',
    'INPUT_TOO_LARGE',
    'verticals',
    ['\nverticals:\n', '\n§verticals:\n'],
    [
      '  fitness: # biometric data (special under LGPD and GDPR)\n',
      `${Array.from({ length: 1000 }, (_, i) => `  extra-${i}: {}`).join('\n')}\n  fitness: # biometric data (special under LGPD and GDPR)\n`,
    ],
  ),
]

/** Cases of the edge rules (added after the size cases). */
export const EDGE_CASES: BrokenCase[] = [
  c('rule-personal-data-at-edge', 'PERSONAL_DATA_AT_EDGE', 'cache.cdnTtl.user-profiles', [
    '    api-responses: 5m\n',
    '    api-responses: 5m\n    user-profiles: §1m\n',
  ]),
  c('rule-cdn-certificate-region', 'EDGE', 'security.edge.cdn.certificateArn', [
    '      certificateArn: arn:aws:acm:us-east-1:',
    '      certificateArn: §arn:aws:acm:sa-east-1:',
  ]),
  c('rule-ingress-namespace-with-edge', 'EDGE', 'security.network.ingressNamespace', [
    '  network:\n',
    '  network:\n    ingressNamespace: §ingress-nginx\n',
  ]),
]

/** Cases of data-store tenancy (added after the monitoring cases). */
export const TENANCY_CASES: BrokenCase[] = [
  c('rule-shared-store-special-category', 'SHARED_STORE_FORBIDDEN', 'verticals.fitness.dataStores.postgres', [
    '    dataStores: { postgres: dedicated, redis: marketplace }',
    '    dataStores: { postgres: §marketplace, redis: marketplace }',
  ]),
  c('rule-unknown-shared-store', 'UNKNOWN_REFERENCE', 'verticals.beauty.dataStores.redis', [
    '    dataStores: { postgres: marketplace, redis: marketplace }\n  fitness:',
    '    dataStores: { postgres: marketplace, redis: §market }\n  fitness:',
  ]),
]
