import * as z from 'zod'
import { IANA_TIME_ZONES } from './time-zones'

/** A wall-clock time `HH:MM` (24 h). */
export const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected a time of day as HH:MM (24 h), e.g. 09:00')

/**
 * Whether this runtime's ICU knows a zone by exactly this name; only asked about names missing from
 * the static list. ICU also accepts other spellings (`america/argentina/buenos_aires`), which the
 * consumers of the name (KEDA's cron scaler reads tzdata files by name) would not find.
 */
function knownToRuntime(zone: string): boolean {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone === zone
  } catch {
    return false
  }
}

/**
 * An IANA time zone name (`America/Argentina/Buenos_Aires`, `UTC`). Checked against the tzdata list
 * first, so a valid name never loads ICU; a name newer than the list still passes if the runtime knows it.
 */
export const timeZone = z
  .string()
  .refine(
    (zone) => (zone.includes('/') || zone === 'UTC') && (IANA_TIME_ZONES.has(zone) || knownToRuntime(zone)),
    'expected an IANA time zone such as America/Argentina/Buenos_Aires',
  )

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export const weekday = z.enum(WEEKDAYS)

/** A lowercase DNS label (RFC 1123), safe as a Kubernetes name, a Terraform identifier suffix and a path segment. */
export const dnsLabel = z
  .string()
  .regex(
    /^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/,
    'expected a lowercase name of letters, digits and dashes (e.g. buenos-aires)',
  )

/** Free text that ends up in generated documents: one line, no control characters. */
export const label = z
  .string()
  .min(1)
  .max(200)
  .refine((text) => !/\p{Cc}/u.test(text), 'must be a single line without control characters')
