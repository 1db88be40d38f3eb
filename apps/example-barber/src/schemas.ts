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

/** Body of POST /dsr: a subject names only the kind; a privacy officer also the subject and how they verified them. */
export const openDsrSchema = z.strictObject({
  subjectId: id.optional(),
  kind: z.enum(['access', 'erasure', 'portability', 'objection', 'restriction']),
  verification: z
    .strictObject({ method: z.string().min(1).max(40), evidenceRef: z.string().min(1).max(200) })
    .optional(),
})

/** Optional body of POST /dsr/:id/fulfil: the purposes an objection names. */
export const fulfilDsrSchema = z.strictObject({
  purposes: z.array(z.string().min(1).max(64)).min(1).optional(),
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
