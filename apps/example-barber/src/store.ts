import type { Db } from '@verticals/core'

/** A provider (barber) clients can book. */
export interface Provider {
  id: string
  name: string
  market: string
  services: string[]
}

/** A booking as the API returns it. */
export interface Booking {
  id: string
  customerId: string
  providerId: string
  service: string
  startsAt: string
  market: string | null
  status: 'confirmed' | 'cancelled'
}

interface BookingRow {
  id: string
  customer_id: string
  provider_id: string
  service: string
  starts_at: Date
  market: string | null
  status: 'confirmed' | 'cancelled'
}

/** The customer id of an anonymized booking. */
export const ANONYMOUS = 'anonymized'

const BOOKING_COLUMNS = 'id, customer_id, provider_id, service, starts_at, market, status'

function toBooking(r: BookingRow): Booking {
  return {
    id: r.id,
    customerId: r.customer_id,
    providerId: r.provider_id,
    service: r.service,
    startsAt: r.starts_at.toISOString(),
    market: r.market,
    status: r.status,
  }
}

/**
 * The app's own tables: providers and bookings, in the given (already quoted) schema. The app hands it
 * its pool wrapped by observeQueries, so these queries feed the query histogram as core's do.
 */
export class Store {
  constructor(
    private readonly pool: Pick<Db, 'query'>,
    private readonly schema: string,
  ) {}

  /** Every provider, by name. */
  async providers(): Promise<Provider[]> {
    const { rows } = await this.pool.query<Provider>(
      `SELECT id, name, market, services FROM ${this.schema}.providers ORDER BY name, id`,
    )
    return rows
  }

  /** One provider, or undefined. */
  async provider(id: string): Promise<Provider | undefined> {
    const { rows } = await this.pool.query<Provider>(
      `SELECT id, name, market, services FROM ${this.schema}.providers WHERE id = $1`,
      [id],
    )
    return rows[0]
  }

  /** Inserts a confirmed booking; undefined when the provider's slot is already taken. */
  async createBooking(input: Omit<Booking, 'id' | 'status'>): Promise<Booking | undefined> {
    const { rows } = await this.pool.query<BookingRow>(
      `INSERT INTO ${this.schema}.bookings (customer_id, provider_id, service, starts_at, market)
VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING ${BOOKING_COLUMNS}`,
      [input.customerId, input.providerId, input.service, input.startsAt, input.market],
    )
    return rows[0] === undefined ? undefined : toBooking(rows[0])
  }

  /** One booking, or undefined. */
  async booking(id: string): Promise<Booking | undefined> {
    const { rows } = await this.pool.query<BookingRow>(
      `SELECT ${BOOKING_COLUMNS} FROM ${this.schema}.bookings WHERE id = $1`,
      [id],
    )
    return rows[0] === undefined ? undefined : toBooking(rows[0])
  }

  /** Cancels a confirmed booking; undefined when it does not exist or was already cancelled. */
  async cancelBooking(id: string): Promise<Booking | undefined> {
    const { rows } = await this.pool.query<BookingRow>(
      `UPDATE ${this.schema}.bookings SET status = 'cancelled', cancelled_at = now()
WHERE id = $1 AND status = 'confirmed' RETURNING ${BOOKING_COLUMNS}`,
      [id],
    )
    return rows[0] === undefined ? undefined : toBooking(rows[0])
  }

  /** A customer's bookings, oldest first (for access requests). */
  async bookingsOf(customerId: string): Promise<Booking[]> {
    const { rows } = await this.pool.query<BookingRow>(
      `SELECT ${BOOKING_COLUMNS} FROM ${this.schema}.bookings WHERE customer_id = $1 ORDER BY created_at, id`,
      [customerId],
    )
    return rows.map(toBooking)
  }

  /** Deletes a customer's bookings (erasure); returns how many. */
  async eraseCustomer(customerId: string): Promise<number> {
    const result = await this.pool.query(`DELETE FROM ${this.schema}.bookings WHERE customer_id = $1`, [
      customerId,
    ])
    return result.rowCount ?? 0
  }

  /**
   * Applies retention to bookings whose appointment was before `cutoff`, at most `limit` rows:
   * `anonymize` drops the customer id (the booking stays for statistics), `delete` removes the row.
   */
  async retainBookings(cutoff: Date, action: 'delete' | 'anonymize', limit: number): Promise<number> {
    const pending = action === 'anonymize' ? ` AND customer_id <> '${ANONYMOUS}'` : ''
    const due = `SELECT id FROM ${this.schema}.bookings WHERE starts_at < $1${pending} LIMIT $2`
    const sql =
      action === 'delete'
        ? `DELETE FROM ${this.schema}.bookings WHERE id IN (${due})`
        : `UPDATE ${this.schema}.bookings SET customer_id = '${ANONYMOUS}' WHERE id IN (${due})`
    const result = await this.pool.query(sql, [cutoff, limit])
    return result.rowCount ?? 0
  }
}
