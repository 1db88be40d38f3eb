import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto'
import { HttpError } from './http.js'

// Who calls the data-subject-request routes. The identity service that signs users in issues tokens
// signed with VERTICALS_DSR_AUTH_SECRET: v1.<base64url(JSON { sub, role, jti, exp })>.<base64url(HMAC-SHA256)>.
// role `subject` opens requests about themselves; role `privacy-officer` opens them for a subject it
// verified otherwise and fulfils them.

const DEV_SECRET = 'verticals-scaffold-dev-only-dsr-auth-secret-000'

/** Signs and verifies DSR caller tokens. */
export class DsrAuth {
  #secret

  constructor(secret) {
    if (typeof secret !== 'string' || secret.length < 32)
      throw new Error('VERTICALS_DSR_AUTH_SECRET must have at least 32 characters')
    this.#secret = secret
  }

  /** From VERTICALS_DSR_AUTH_SECRET; required with NODE_ENV=production, a public dev secret (with a warning) elsewhere. */
  static fromEnv(env = process.env, warn = () => {}) {
    if (env.VERTICALS_DSR_AUTH_SECRET) return new DsrAuth(env.VERTICALS_DSR_AUTH_SECRET)
    if (env.NODE_ENV === 'production') throw new Error('VERTICALS_DSR_AUTH_SECRET is not set')
    warn(
      'VERTICALS_DSR_AUTH_SECRET is not set: using the public development secret, which authenticates no one',
    )
    return new DsrAuth(DEV_SECRET)
  }

  /** A token for `{ sub, role }`, valid `seconds` from `now` (what the identity service does at sign-in). */
  issue(caller, seconds = 900, now = new Date()) {
    const claims = {
      sub: caller.sub,
      role: caller.role,
      jti: randomUUID(),
      exp: Math.floor(now / 1000) + seconds,
    }
    const body = Buffer.from(JSON.stringify(claims)).toString('base64url')
    return `v1.${body}.${this.#sign(body)}`
  }

  /** The caller `{ sub, role, jti }` of a request (Authorization: Bearer <token>), or 401. */
  caller(req, now = new Date()) {
    const header = req.headers.authorization ?? ''
    const [version, body, signature] = (header.startsWith('Bearer ') ? header.slice(7) : '').split('.')
    if (version !== 'v1' || !body || !signature)
      throw new HttpError(401, 'unauthenticated', 'send Authorization: Bearer <token> issued at sign-in')
    const expected = Buffer.from(this.#sign(body))
    const given = Buffer.from(signature)
    if (expected.length !== given.length || !timingSafeEqual(expected, given))
      throw new HttpError(401, 'unauthenticated', 'the token is not signed by this service')
    let claims
    try {
      claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
    } catch {
      throw new HttpError(401, 'unauthenticated', 'the token is malformed')
    }
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now.getTime())
      throw new HttpError(401, 'unauthenticated', 'the token has expired; sign in again')
    if (
      typeof claims.sub !== 'string' ||
      !claims.sub ||
      !['subject', 'privacy-officer'].includes(claims.role)
    )
      throw new HttpError(401, 'unauthenticated', 'the token is malformed')
    return { sub: claims.sub, role: claims.role, jti: String(claims.jti) }
  }

  #sign(body) {
    return createHmac('sha256', this.#secret).update(`v1.${body}`).digest('base64url')
  }
}
