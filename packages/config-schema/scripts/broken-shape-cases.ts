import { type BrokenCase, c } from './broken-case.ts'

/** YAML syntax, apiVersion, missing and unknown keys, wrong types, bad units, out-of-range numbers. */
export const SHAPE_CASES: BrokenCase[] = [
  // YAML syntax
  c('yaml-bad-indentation', 'YAML_SYNTAX', 'metadata.displayName', [
    '  displayName: Turnos Argentina',
    '   §displayName: Turnos Argentina',
  ]),
  c('yaml-duplicate-key', 'YAML_SYNTAX', 'kind', ['kind: Platform\n', 'kind: Platform\n§kind: Platform\n']),
  c('yaml-duplicate-market', 'YAML_SYNTAX', 'markets.cordoba', ['  rosario: {', '  §cordoba: {']),
  c('yaml-unclosed-quote', 'YAML_SYNTAX', 'metadata.displayName', [
    '  displayName: Turnos Argentina',
    '  displayName: §"Turnos Argentina',
  ]),
  c('yaml-tab-indentation', 'YAML_SYNTAX', 'metadata.name', ['  name: turnos #', '§\tname: turnos #']),
  c('yaml-unclosed-flow-map', 'YAML_SYNTAX', 'security.tls', [
    '  tls: { minVersion: "1.3" }\n  headers:',
    '  tls: §{ minVersion: "1.3"\n  headers:',
  ]),
  c('yaml-unknown-alias', 'YAML_SYNTAX', 'budget.monthly', [
    '  monthly: USD 15000',
    '  monthly: §*monthly-budget',
  ]),
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
    'edgeCache: 100G,',
    'edgeCache: §100GB,',
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
]
