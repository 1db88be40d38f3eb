// What the harness asks of a started service over HTTP, the same for the example and every
// scaffold: a booking refused without consent (the consent check), the consent, the booking, and a
// data-subject access request opened and fulfilled, then the customer's erasure.
import { createHmac, randomBytes, randomUUID } from 'node:crypto'

/** A JSON response. */
interface Reply {
  readonly status: number
  // biome-ignore lint/suspicious/noExplicitAny: the checks below read response fields and assert on them
  readonly body: any
}

/**
 * A DSR caller's token as the identity service issues it, signed with the runtime Secret's
 * dsr-auth-secret: v1.<base64url(JSON { sub, role, jti, exp })>.<base64url(HMAC-SHA256 of "v1.<body>")>.
 */
function token(secret: string, sub: string, role: 'subject' | 'privacy-officer'): string {
  const claims = { sub, role, jti: randomUUID(), exp: Math.floor(Date.now() / 1000) + 900 }
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url')
  return `v1.${body}.${createHmac('sha256', secret).update(`v1.${body}`).digest('base64url')}`
}

async function call(
  url: string,
  method: string,
  path: string,
  body?: unknown,
  bearer?: string,
): Promise<Reply> {
  const headers: Record<string, string> = {
    ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    ...(bearer === undefined ? {} : { authorization: `Bearer ${bearer}` }),
  }
  const res = await fetch(`${url}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await res.text()
  return { status: res.status, body: text === '' ? {} : JSON.parse(text) }
}

function expectStatus(step: string, reply: Reply, status: number): void {
  if (reply.status !== status) {
    throw new Error(`${step}: expected HTTP ${status}, got ${reply.status} ${JSON.stringify(reply.body)}`)
  }
}

/**
 * Runs the scenario against `url`; throws with the step and the response on the first surprise. DSR
 * calls carry tokens signed with `dsrAuthSecret`, the value the pod got from its runtime Secret.
 */
export async function exerciseService(
  url: string,
  dsrAuthSecret: string,
): Promise<{ bookingId: string; dsrId: string; erasureId: string }> {
  const customerId = `e2e-${randomBytes(4).toString('hex')}`
  const providers = await call(url, 'GET', '/providers')
  expectStatus('GET /providers', providers, 200)
  const provider = providers.body.providers?.[0] as { id: string; services: string[] } | undefined
  if (provider === undefined)
    throw new Error(`GET /providers returned no provider: ${JSON.stringify(providers.body)}`)
  const booking = {
    customerId,
    providerId: provider.id,
    service: provider.services[0],
    startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 13).concat(':00:00Z'),
  }
  const refused = await call(url, 'POST', '/bookings', booking)
  expectStatus('POST /bookings without consent (the consent check)', refused, 403)
  const consent = await call(url, 'POST', '/consents', { subjectId: customerId, purpose: 'booking' })
  expectStatus('POST /consents', consent, 201)
  const booked = await call(url, 'POST', '/bookings', booking)
  expectStatus('POST /bookings with consent', booked, 201)
  const subject = token(dsrAuthSecret, customerId, 'subject')
  const officer = token(dsrAuthSecret, 'e2e-officer', 'privacy-officer')
  const anonymous = await call(url, 'POST', '/dsr', { subjectId: customerId, kind: 'access' })
  expectStatus('POST /dsr without a token', anonymous, 401)
  const opened = await call(url, 'POST', '/dsr', { subjectId: customerId, kind: 'access' }, subject)
  expectStatus('POST /dsr', opened, 201)
  const dsrId = opened.body.request?.id as string
  const fulfilled = await call(url, 'POST', `/dsr/${dsrId}/fulfil`, undefined, officer)
  expectStatus(`POST /dsr/${dsrId}/fulfil`, fulfilled, 200)
  // The customer's erasure: the service journals it outside its database before it erases.
  const erasure = await call(url, 'POST', '/dsr', { subjectId: customerId, kind: 'erasure' }, subject)
  expectStatus('POST /dsr (erasure)', erasure, 201)
  const erasureId = erasure.body.request?.id as string
  const erased = await call(url, 'POST', `/dsr/${erasureId}/fulfil`, undefined, officer)
  expectStatus(`POST /dsr/${erasureId}/fulfil (erasure)`, erased, 200)
  return { bookingId: booked.body.booking?.id as string, dsrId, erasureId }
}
