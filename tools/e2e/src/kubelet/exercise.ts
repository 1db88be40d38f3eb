// What the harness asks of a started service over HTTP, the same for the example and every
// scaffold: a booking refused without consent (the consent check), the consent, the booking, and a
// data-subject access request opened and fulfilled.
import { randomBytes } from 'node:crypto'

/** A JSON response. */
interface Reply {
  readonly status: number
  // biome-ignore lint/suspicious/noExplicitAny: the checks below read response fields and assert on them
  readonly body: any
}

async function call(url: string, method: string, path: string, body?: unknown): Promise<Reply> {
  const res = await fetch(`${url}${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  })
  const text = await res.text()
  return { status: res.status, body: text === '' ? {} : JSON.parse(text) }
}

function expectStatus(step: string, reply: Reply, status: number): void {
  if (reply.status !== status) {
    throw new Error(`${step}: expected HTTP ${status}, got ${reply.status} ${JSON.stringify(reply.body)}`)
  }
}

/** Runs the scenario against `url`; throws with the step and the response on the first surprise. */
export async function exerciseService(url: string): Promise<{ bookingId: string; dsrId: string }> {
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
  const opened = await call(url, 'POST', '/dsr', { subjectId: customerId, kind: 'access' })
  expectStatus('POST /dsr', opened, 201)
  const dsrId = opened.body.request?.id as string
  const fulfilled = await call(url, 'POST', `/dsr/${dsrId}/fulfil`)
  expectStatus(`POST /dsr/${dsrId}/fulfil`, fulfilled, 200)
  return { bookingId: booked.body.booking?.id as string, dsrId }
}
