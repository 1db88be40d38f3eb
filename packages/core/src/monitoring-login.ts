import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto'
import { PlatformError } from '@verticals/config-schema'
import type { CoreLogger } from './metrics'
import type { Db } from './timed-queries'

/** postgres_exporter's login as its URL names it: the role and its password. */
export interface MonitoringLogin {
  readonly role: string
  readonly password: string
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/
// PostgreSQL's own defaults for a SCRAM-SHA-256 verifier (scram_iterations, a 16-byte salt).
const ITERATIONS = 4096
const SALT_BYTES = 16

/**
 * The role and password of postgres_exporter's URL (the deployment contract's monitoringDatabaseUrl).
 * The role must be a plain identifier and the URL must carry a password.
 */
export function monitoringLogin(url: string): MonitoringLogin {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new PlatformError('INVALID_ARGUMENT', 'the monitoring database URL is not a URL', {
      hint: 'Expected postgresql://<role>:<password>@<host>:<port>/<database>, as secrets.tf writes it.',
    })
  }
  const role = decodeURIComponent(parsed.username)
  const password = decodeURIComponent(parsed.password)
  if (!IDENTIFIER.test(role) || password === '') {
    throw new PlatformError(
      'INVALID_ARGUMENT',
      'the monitoring database URL must name a plain role (lower case) and carry its password',
      { hint: 'Expected postgresql://<role>:<password>@<host>:<port>/<database>, as secrets.tf writes it.' },
    )
  }
  return { role, password }
}

/**
 * A SCRAM-SHA-256 verifier of a password, as PostgreSQL stores it (`SCRAM-SHA-256$<iterations>:<salt>$
 * <StoredKey>:<ServerKey>`, RFC 5802 and 7677). ALTER ROLE takes it in place of the password, so the
 * statement (and any log of it) never holds the password itself.
 */
export function scramVerifier(password: string, salt: Buffer = randomBytes(SALT_BYTES)): string {
  const salted = pbkdf2Sync(password.normalize('NFKC'), salt, ITERATIONS, 32, 'sha256')
  const clientKey = createHmac('sha256', salted).update('Client Key').digest()
  const storedKey = createHash('sha256').update(clientKey).digest()
  const serverKey = createHmac('sha256', salted).update('Server Key').digest()
  return `SCRAM-SHA-256$${ITERATIONS}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`
}

/**
 * Sets the password of postgres_exporter's role (created by migration 0011 with pg_monitor only) from
 * its URL, under the roles lock migrations take. Refuses a role that is the connection's own or may
 * do more than log in (superuser, CREATEROLE, CREATEDB), so a misdirected URL never resets the
 * password of an administrator. A connection without the right to alter roles (the application role,
 * a managed database whose roles are `expect`ed) leaves the password to the operator, with a warning.
 */
export async function setMonitoringPassword(
  db: Db,
  login: MonitoringLogin,
  logger: CoreLogger,
): Promise<void> {
  const client = await db.connect()
  try {
    await client.query('BEGIN')
    await client.query(`SELECT pg_advisory_xact_lock(hashtextextended('verticals:roles', 0))`)
    const { rows } = await client.query<{ privileged: boolean }>(
      `SELECT r.rolsuper OR r.rolcreaterole OR r.rolcreatedb OR r.rolname IN (current_user, session_user)
         AS privileged FROM pg_roles r WHERE r.rolname = $1`,
      [login.role],
    )
    const role = rows[0]
    if (role === undefined || role.privileged) {
      throw new PlatformError(
        'INVALID_ARGUMENT',
        role === undefined
          ? `the monitoring role ${login.role} does not exist`
          : `the monitoring database URL names ${login.role}, a role that may do more than monitor`,
        {
          hint: `The URL must name postgres_exporter's role, which migration 0011 creates (pg_monitor only) the first time it runs; for a role named later, create it as the owner: CREATE ROLE ${login.role} LOGIN; GRANT pg_monitor TO ${login.role}.`,
        },
      )
    }
    await client.query(
      `ALTER ROLE "${login.role}" WITH LOGIN PASSWORD ${client.escapeLiteral(scramVerifier(login.password))}`,
    )
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    if ((error as { code?: string }).code === '42501') {
      logger.warn(
        { role: login.role },
        'this connection may not set the monitoring role password; set it from the runtime secret (ALTER ROLE ... PASSWORD)',
      )
      return
    }
    throw error
  } finally {
    client.release()
  }
}
