const COLUMNS = 'id, customer_id, provider_id, service, starts_at, market, status'

const toBooking = (r) => ({
  id: r.id,
  customerId: r.customer_id,
  providerId: r.provider_id,
  service: r.service,
  startsAt: r.starts_at.toISOString(),
  market: r.market,
  status: r.status,
})

/** The service's own tables (providers, bookings) in one schema. */
export class Store {
  /** @param {Pick<import('@verticals/core').Db, 'query'>} pool @param {string} schema a plain identifier */
  constructor(pool, schema) {
    this.pool = pool
    this.s = `"${schema}"`
  }

  /** Every provider, by name. */
  async providers() {
    const { rows } = await this.pool.query(
      `SELECT id, name, market, services FROM ${this.s}.providers ORDER BY name, id`,
    )
    return rows
  }

  /** One provider, or undefined. */
  async provider(id) {
    const { rows } = await this.pool.query(
      `SELECT id, name, market, services FROM ${this.s}.providers WHERE id = $1`,
      [id],
    )
    return rows[0]
  }

  /** Inserts a confirmed booking; undefined when the slot is taken. */
  async createBooking(b) {
    const { rows } = await this.pool.query(
      `INSERT INTO ${this.s}.bookings (customer_id, provider_id, service, starts_at, market)
VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
      [b.customerId, b.providerId, b.service, b.startsAt, b.market],
    )
    return rows[0] && toBooking(rows[0])
  }

  /** Cancels a confirmed booking; undefined when missing or already cancelled. */
  async cancelBooking(id) {
    const { rows } = await this.pool.query(
      `UPDATE ${this.s}.bookings SET status = 'cancelled' WHERE id = $1 AND status = 'confirmed' RETURNING ${COLUMNS}`,
      [id],
    )
    return rows[0] && toBooking(rows[0])
  }

  /** A customer's bookings, oldest first (access requests). */
  async bookingsOf(customerId) {
    const { rows } = await this.pool.query(
      `SELECT ${COLUMNS} FROM ${this.s}.bookings WHERE customer_id = $1 ORDER BY created_at, id`,
      [customerId],
    )
    return rows.map(toBooking)
  }

  /** Deletes a customer's bookings (erasure requests); returns how many. */
  async eraseCustomer(customerId) {
    const result = await this.pool.query(`DELETE FROM ${this.s}.bookings WHERE customer_id = $1`, [
      customerId,
    ])
    return result.rowCount ?? 0
  }
}
