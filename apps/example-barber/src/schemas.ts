import * as z from 'zod'

const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.:@-]+$/, 'letters, digits and _ . : @ - only')

/** Body of POST /bookings. */
export const createBookingSchema = z.strictObject({
  customerId: id,
  providerId: id,
  service: z.string().min(1).max(40),
  startsAt: z.iso
    .datetime({ offset: true })
    .refine((value) => Date.parse(value) > Date.now(), 'must be in the future'),
})

/** Body of POST /consents. */
export const grantConsentSchema = z.strictObject({
  subjectId: id,
  purpose: z.string().min(1).max(64),
  /** How the consent was collected (kept as evidence). */
  method: z.string().min(1).max(40).default('checkbox'),
})

/** Body of POST /dsr. */
export const openDsrSchema = z.strictObject({
  subjectId: id,
  kind: z.enum(['access', 'erasure']),
})

/** Path parameter of a booking or request id. */
export const uuidSchema = z.uuid()

/** One problem in a request body, as the API reports it. */
export interface FieldIssue {
  path: string
  message: string
}

/** Flattens zod issues into `{ path, message }` pairs a client can show next to a field. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.length === 0 ? '(body)' : issue.path.join('.'),
    message: issue.message,
  }))
}
