// The broken-config corpus: each case edits the four-vertical example in one place. `§` in a
// replacement marks where the first diagnostic must point; the generator turns that into the
// `# expect: line:col CODE path` header, so the expected position is found in the text, not by the parser.

/** One broken config: what to change, and which diagnostic comes first. */
export interface BrokenCase {
  name: string
  code: string
  /** Dotted path of the first diagnostic, or '-' for none (YAML syntax errors). */
  path: string
  /** Exact replacements [from, to]; each `from` occurs once in the example. */
  edits: [string, string][]
}

/** Renders case number `index` (0-based) from the example text: file name and contents with the expect header. */
export function renderCase(base: string, broken: BrokenCase, index: number): { name: string; text: string } {
  let text = base
  for (const [from, to] of broken.edits) {
    const count = text.split(from).length - 1
    if (count !== 1) throw new Error(`${broken.name}: "${from}" occurs ${count} times`)
    text = text.replace(from, () => to)
  }
  const body = `# placeholder\n${text}`
  const mark = body.indexOf('§')
  if (mark < 0 || body.indexOf('§', mark + 1) >= 0)
    throw new Error(`${broken.name}: needs exactly one § marker`)
  const before = body.slice(0, mark).split('\n')
  const header = `# expect: ${before.length}:${(before.at(-1) as string).length + 1} ${broken.code} ${broken.path}`
  const name = `${String(index + 1).padStart(2, '0')}-${broken.name}.yaml`
  return { name, text: body.replace('§', '').replace('# placeholder', header) }
}

/** The example without its editor schema comment, whose relative path only holds beside the example. */
export const corpusBase = (example: string): string => example.replace(/^# yaml-language-server:.*\n/, '')

const c = (name: string, code: string, path: string, ...edits: [string, string][]): BrokenCase => ({
  name,
  code,
  path,
  edits,
})

export const BROKEN_CASES: BrokenCase[] = [
  // YAML syntax
  c('yaml-bad-indentation', 'YAML_SYNTAX', '-', [
    '  displayName: Turnos Argentina',
    '   §displayName: Turnos Argentina',
  ]),
  c('yaml-duplicate-key', 'YAML_SYNTAX', '-', ['kind: Platform\n', 'kind: Platform\n§kind: Platform\n']),
  c('yaml-duplicate-market', 'YAML_SYNTAX', '-', ['  rosario: {', '  §cordoba: {']),
  c('yaml-unclosed-quote', 'YAML_SYNTAX', '-', [
    '  displayName: Turnos Argentina',
    '  displayName: §"Turnos Argentina',
  ]),
  c('yaml-tab-indentation', 'YAML_SYNTAX', '-', ['  name: turnos #', '§\tname: turnos #']),
  c('yaml-unclosed-flow-map', 'YAML_SYNTAX', '-', [
    '  tls: { minVersion: "1.3" }\n  headers:',
    '  tls: { minVersion: "1.3"\n  §headers:',
  ]),
  c('yaml-unknown-alias', 'YAML_SYNTAX', '-', ['  monthly: USD 15000', '  monthly: §*monthly-budget']),
  // apiVersion and kind
  c('unsupported-api-version', 'UNSUPPORTED_VERSION', 'apiVersion', [
    'apiVersion: verticals/v1',
    'apiVersion: §verticals/v2',
  ]),
  c('wrong-kind', 'INVALID_VALUE', 'kind', ['kind: Platform', 'kind: §Platfrom']),
  // missing fields
  c('missing-metadata-name', 'MISSING_FIELD', 'metadata.name', [
    '  name: turnos # prefixes namespaces, buckets and cloud resources\n  displayName',
    '  §displayName',
  ]),
  c('missing-api-version', 'MISSING_FIELD', 'apiVersion', [
    'apiVersion: verticals/v1\nkind: Platform',
    '§kind: Platform',
  ]),
  // unknown keys
  c('unknown-key-top-level', 'UNKNOWN_KEY', 'monitorin', ['\nmonitoring:\n', '\n§monitorin:\n']),
  c('unknown-key-nested', 'UNKNOWN_KEY', 'compute.autoscaling.maxReplica', [
    '    maxReplicas: 50',
    '    §maxReplica: 50',
  ]),
  c('unknown-key-flow-map', 'UNKNOWN_KEY', 'markets.cordoba.tierr', [
    'Córdoba, tier: tier-2',
    'Córdoba, §tierr: tier-2',
  ]),
  c('unknown-key-no-suggestion', 'UNKNOWN_KEY', 'security.waf.botControl', [
    '    managedRules: [sql-injection]',
    '    managedRules: [sql-injection]\n    §botControl: true',
  ]),
  // wrong types
  c('wrong-type-string-for-integer', 'INVALID_VALUE', 'dataStores.postgres.maxConnections', [
    'maxConnections: 1000',
    'maxConnections: §many',
  ]),
  c('wrong-type-list-for-mapping', 'INVALID_VALUE', 'tiers.tier-3.burnRateAlerts', [
    'burnRateAlerts: { page: false, ticket: true }',
    'burnRateAlerts: §[false, true]',
  ]),
  c('wrong-type-string-for-boolean', 'INVALID_VALUE', 'dataStores.postgres.multiAz', [
    '    multiAz: true\n    backupRetention',
    '    multiAz: §"yes"\n    backupRetention',
  ]),
  c('wrong-type-number-for-duration', 'INVALID_VALUE', 'dataResidency.replicationLag', [
    'replicationLag: 60s',
    'replicationLag: §60',
  ]),
  c('wrong-type-scalar-for-list', 'INVALID_VALUE', 'jurisdictions', [
    'jurisdictions: [AR, BR]',
    'jurisdictions: §AR',
  ]),
  c('wrong-enum-with-suggestion', 'INVALID_VALUE', 'regions[0].role', [
    '    role: primary',
    '    role: §primry',
  ]),
  c('wrong-aws-region', 'INVALID_VALUE', 'regions[1].name', ['  - name: us-east-1', '  - name: §us-east-9']),
  c('wrong-data-category', 'INVALID_VALUE', 'dataClasses.session-notes.category', [
    '    category: user.health',
    '    category: §user.helth',
  ]),
  c('wrong-image-tag-latest', 'INVALID_VALUE', 'compute.image.tag', ['    tag: 1.0.0', '    tag: §latest']),
  c('wrong-severity-name-format', 'INVALID_VALUE', 'alerts.retentionStale.severity', [
    'retentionStale: { severity: medium }',
    'retentionStale: { severity: §Medium! }',
  ]),
  // units
  c('unit-duration-without-unit', 'INVALID_VALUE', 'dataStores.postgres.backupRetention', [
    'backupRetention: 30d',
    'backupRetention: §"30"',
  ]),
  c('unit-duration-ambiguous-month', 'INVALID_VALUE', 'consent.maxValidity', [
    '  maxValidity: 24mo',
    '  maxValidity: §24M',
  ]),
  c('unit-duration-reordered', 'INVALID_VALUE', 'slo.mttr', ['  mttr: 15m', '  mttr: §15m1h']),
  c('unit-percent-bare-number', 'INVALID_VALUE', 'compute.autoscaling.cpuUtilization', [
    '    cpuUtilization: 70%',
    '    cpuUtilization: §0.7',
  ]),
  c('unit-percent-above-100', 'INVALID_VALUE', 'budget.alertThresholds[1]', [
    'alertThresholds: [80%, 100%]',
    'alertThresholds: [80%, §150%]',
  ]),
  c('unit-money-thousands-separator', 'INVALID_VALUE', 'budget.monthly', [
    '  monthly: USD 15000',
    '  monthly: §USD 15,000',
  ]),
  c('unit-money-without-currency', 'INVALID_VALUE', 'markets.rosario.budget', [
    'budget: USD 1200',
    'budget: §1200',
  ]),
  c('unit-cpu-words', 'INVALID_VALUE', 'compute.resources.limits.cpu', [
    'limits: { cpu: 2000m',
    'limits: { cpu: §2 cores',
  ]),
  c('unit-bytes-gb', 'INVALID_VALUE', 'markets.buenos-aires.edgeCache', [
    'edgeCache: 100G }',
    'edgeCache: §100GB }',
  ]),
  c('unit-time-zone', 'INVALID_VALUE', 'maintenance.timeZone', [
    'maintenance:\n  timeZone: America/Argentina/Buenos_Aires',
    'maintenance:\n  timeZone: §ART',
  ]),
  c('unit-clock-time', 'INVALID_VALUE', 'maintenance.windows.primary.start', [
    'start: "02:00"',
    'start: §"2:00"',
  ]),
  // out of range
  c('range-privileged-port', 'INVALID_VALUE', 'compute.port', ['  port: 8080', '  port: §80']),
  c('range-zero-replicas', 'INVALID_VALUE', 'compute.autoscaling.minReplicas', [
    '    minReplicas: 5\n    maxReplicas: 50',
    '    minReplicas: §0\n    maxReplicas: 50',
  ]),
  c('range-negative-pool', 'INVALID_VALUE', 'dataStores.postgres.pool.max', [
    'pool: { max: 200',
    'pool: { max: §-200',
  ]),
  c('range-zero-dsr-deadline', 'INVALID_VALUE', 'dsr.deadlines.access', [
    'deadlines: { access: 72h',
    'deadlines: { access: §0s',
  ]),
  c('range-batch-size', 'INVALID_VALUE', 'retention.batchSize', [
    '  batchSize: 5000',
    '  batchSize: §5000000',
  ]),
  c('range-tls-version', 'INVALID_VALUE', 'security.tls.minVersion', [
    'minVersion: "1.3"',
    'minVersion: §"1.1"',
  ]),
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
  c(
    'rule-dsr-exceeds-br',
    'DSR_DEADLINE_EXCEEDS_LAW',
    'dsr.deadlines.access',
    ['jurisdictions: [AR, BR]', 'jurisdictions: [BR]'],
    ['  subjectsCountry: AR', '  subjectsCountry: BR'],
    ['deadlines: { access: 72h', 'deadlines: { access: §16d'],
  ),
  c(
    'rule-dsr-exceeds-eu',
    'DSR_DEADLINE_EXCEEDS_LAW',
    'dsr.deadlines.rectification',
    ['jurisdictions: [AR, BR]', 'jurisdictions: [EU]'],
    ['  subjectsCountry: AR', '  subjectsCountry: ES'],
    ['  - name: sa-east-1', '  - name: eu-west-3'],
    ['  - name: us-east-1', '  - name: eu-west-1'],
    ['rectification: 48h', 'rectification: §1mo'],
  ),
  c(
    'rule-transfer-mechanism-missing',
    'TRANSFER_MECHANISM_MISSING',
    'regions[0].name',
    ['  transferMechanism: model-clauses\n', ''],
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
  c(
    'rule-explicit-consent-missing',
    'EXPLICIT_CONSENT_REQUIRED',
    'verticals.psychology',
    ['    workloads:\n      api:\n        kind: http', '    §workloads:\n      api:\n        kind: http'],
    ['      explicit: true', '      explicit: false'],
  ),
  c('rule-vertical-special-without-purpose', 'EXPLICIT_CONSENT_REQUIRED', 'verticals.fitness.purposes', [
    '  fitness: {}',
    '  fitness: { purposes: §[booking, marketing] }',
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
    '  fitness: {}',
    '  §fitnes: {}',
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
]
