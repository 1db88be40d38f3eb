import type { ResolvedPlatform } from '@verticals/config-schema'

/** What replaces a redacted value in the log output. */
export const REDACTED = '[Redacted]'

/** Secrets that are not personal data classes but must never be logged either. */
export const SECRET_FIELDS = [
  'authorization',
  'cookie',
  'set-cookie',
  'password',
  'passwordHash',
  'token',
  'accessToken',
  'refreshToken',
  'idToken',
  'apiKey',
  'x-api-key',
  'secret',
  'clientSecret',
  'creditCard',
  'cardNumber',
  'cvv',
] as const

// How deep `*.` wildcards reach in pino's path syntax; deeper keys are caught by scrubDeep.
const WILDCARD_DEPTH = 3

const snake = (field: string): string => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

/** A key in the form used to compare it: lowercase, without `_` or `-`. */
export function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[_-]/g, '')
}

/** Every field named by a personal data class of the platform, plus the common secrets. */
export function sensitiveFields(platform: ResolvedPlatform): string[] {
  const personal = Object.values(platform.dataClasses)
    .filter((c) => c.personal)
    .flatMap((c) => c.fields)
  return [...new Set([...personal, ...SECRET_FIELDS])].sort()
}

const pathKey = (field: string): string => (/^[A-Za-z_$][\w$]*$/.test(field) ? field : `["${field}"]`)
const join = (prefix: string, field: string): string =>
  field.startsWith('[') ? `${prefix}${field}` : `${prefix}.${field}`

/**
 * pino redaction paths: each sensitive field (and its snake_case spelling) at the top level and
 * under up to three levels of any object, e.g. `email`, `*.email`, `*.*.email`, `req.headers.authorization`.
 */
export function redactionPaths(platform: ResolvedPlatform): string[] {
  const names = new Set(sensitiveFields(platform).flatMap((f) => [f, snake(f)]))
  const paths: string[] = []
  for (const name of [...names].sort()) {
    const key = pathKey(name)
    paths.push(key)
    let prefix = '*'
    for (let depth = 1; depth <= WILDCARD_DEPTH; depth++) {
      paths.push(join(prefix, key))
      prefix += '.*'
    }
  }
  return paths
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g

/** Replaces e-mail addresses inside free text (messages, error strings). */
export function scrubText(text: string): string {
  return text.replace(EMAIL, REDACTED)
}

/**
 * A second net behind the redaction paths: walks the whole log object, redacting sensitive keys
 * at any depth and in any spelling, and e-mail addresses inside strings. Returns a copy.
 */
export function scrubDeep(
  value: unknown,
  sensitive: ReadonlySet<string>,
  seen = new WeakSet<object>(),
): unknown {
  if (typeof value === 'string') return scrubText(value)
  if (value === null || typeof value !== 'object') return value
  if (seen.has(value)) return '[Circular]'
  seen.add(value)
  if (value instanceof Error) return scrubDeep(errorFields(value), sensitive, seen)
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, sensitive, seen))
  const out: Record<string, unknown> = {}
  for (const [key, v] of Object.entries(value)) {
    out[key] = sensitive.has(normalizeKey(key)) ? REDACTED : scrubDeep(v, sensitive, seen)
  }
  return out
}

/** An Error as the plain fields pino's standard serializer writes (type, message, stack, own props). */
function errorFields(error: Error): Record<string, unknown> {
  return { ...error, type: error.name, message: error.message, stack: error.stack }
}

/** A copy of an Error whose message and stack have e-mail addresses removed (pino derives `msg` from it). */
export function scrubError(error: Error): Error {
  const copy = new Error(scrubText(error.message))
  copy.name = error.name
  copy.stack = error.stack === undefined ? undefined : scrubText(error.stack)
  return Object.assign(copy, error, { message: copy.message, stack: copy.stack })
}
