/** Stable codes of every problem platform.yaml can have. Names never change once released. */
export const DIAGNOSTIC_CODES = {
  YAML_SYNTAX: 'The file is not valid YAML.',
  UNSUPPORTED_VERSION: 'apiVersion names a version this release cannot read.',
  UNKNOWN_KEY: 'A key the schema does not define (often a typo).',
  MISSING_FIELD: 'A required field is absent.',
  INVALID_VALUE: 'A value has the wrong type, unit, format or range.',
  UNKNOWN_REFERENCE:
    'A name refers to a tier, market, data class, purpose, severity or record class that is not declared.',
  SHARES_NOT_100: 'The traffic shares of the live markets do not sum to 100%.',
  MIN_ABOVE_MAX: 'A minimum is larger than its maximum.',
  REGIONS: 'The regions are not one primary and at most one distinct DR region.',
  SPECIAL_CATEGORY_CACHED: 'A special-category data class has a cache TTL above 0.',
  DSR_DEADLINE_EXCEEDS_LAW: 'A data-subject-request deadline is longer than a declared law allows.',
  BREACH_TARGET_INVALID:
    'A breach-notification target is longer than the law allows, or names a jurisdiction that is not declared.',
  TRANSFER_MECHANISM_MISSING:
    'Personal data is stored in, or a declared transfer goes to, a country without adequacy and no transfer mechanism is declared.',
  TRANSFER_UNDECLARED:
    'A recipient abroad, or the replication to the DR region, transfers personal data to a country no declared transfer covers.',
  DPO_MISSING: 'LGPD applies and no data protection officer (encarregado, LGPD art. 41) is declared.',
  AAIP_REGISTRATION_MISSING:
    'Ley 25.326 applies and the AAIP database registration (Ley 25.326 art. 21) is not declared.',
  JURISDICTION_MISSING: 'Data is stored in a country whose privacy law is not declared in jurisdictions.',
  CONSENT_VALIDITY: 'A consent validity is not positive or exceeds consent.maxValidity.',
  EXPLICIT_CONSENT_REQUIRED: 'A purpose covers special-category data without explicit consent.',
  LEGAL_BASIS_NOT_ALLOWED:
    'A purpose rests special-category data on a legal basis a declared law does not allow for it.',
  RETENTION_BELOW_DUTY: 'A record class is kept for less time than its legal retention duty requires.',
  BUDGET_EXCEEDED:
    'The market or vertical budgets add up to more than the monthly budget, or mix currencies; or the estimated cost is above a budget.',
  SCHEDULE: 'A time window ends before it starts.',
  INPUT_TOO_LARGE: 'The file, or its number of markets or verticals, is above what this release reads.',
  EDGE: 'The edge (ALB, CDN, certificates, market recognition) is inconsistent, or a setting of it would do nothing.',
  PERSONAL_DATA_AT_EDGE:
    'A personal data class has a CDN TTL: the edge would serve one person’s data to another.',
  DETECTION_TOO_SLOW:
    'Monitoring settings contradict each other: an outage alert fires later than slo.mttd, slo.mttr is shorter than slo.mttd, or the error-rate alert threshold is below slo.errorRate.',
  AWS_LIMIT: 'A value is beyond a limit of the AWS service that would hold it: the plan would fail to apply.',
  SHARED_STORE_FORBIDDEN:
    'Verticals share a PostgreSQL store although one holds special-category data (health, biometrics) the other does not.',
} as const

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES

/** One problem found in a platform.yaml, located at the node that causes it. */
export interface Diagnostic {
  readonly code: DiagnosticCode
  readonly severity: 'error' | 'warning'
  readonly file: string
  /** 1-based line of the offending node. */
  readonly line: number
  /** 1-based column of the offending node. */
  readonly column: number
  /** Dotted path of the field, e.g. `markets.cordoba.trafficShare`. */
  readonly path: string
  readonly message: string
}

/** `file:line:col  path  message`, the form editors and terminals link to. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = `${d.file}:${d.line}:${d.column}`
  const prefix = d.severity === 'warning' ? 'warning: ' : ''
  return `${where}  ${d.path || '(root)'}  ${prefix}${d.message}`
}

/** Orders diagnostics by position so a reader fixes the file from top to bottom. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) => a.line - b.line || a.column - b.column || a.path.localeCompare(b.path))
}

/** Renders a path as a dotted string; keys that are not identifiers are quoted. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, i) => {
      if (typeof segment === 'number') return `[${segment}]`
      const text = String(segment)
      const plain = /^[A-Za-z_][A-Za-z0-9_-]*$/.test(text) ? text : JSON.stringify(text)
      return i === 0 ? plain : `.${plain}`
    })
    .join('')
}
