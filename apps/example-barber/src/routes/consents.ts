import type { Handler } from '../context'
import { readBody } from '../http'
import { grantConsentSchema } from '../schemas'

/** POST /consents: records a grant, with how it was collected as evidence. */
export const grantConsent: Handler = async (ctx, req) => {
  const input = await readBody(req, grantConsentSchema)
  const record = await ctx.platform.consent.grant({
    subjectId: input.subjectId,
    purpose: input.purpose,
    evidence: { collectedBy: input.subjectId, method: input.method },
  })
  return { status: 201, body: { consent: { ...record, purpose: input.purpose } } }
}

/** DELETE /consents/:subjectId/:purpose: records a withdrawal; the next check on any replica denies. */
export const withdrawConsent: Handler = async (ctx, _req, params) => {
  const subjectId = params.subjectId ?? ''
  const purpose = params.purpose ?? ''
  const record = await ctx.platform.consent.withdraw({ subjectId, purpose })
  return { status: 200, body: { consent: { ...record, purpose } } }
}
