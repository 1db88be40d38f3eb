import { PlatformError } from '@verticals/config-schema'
import type { Context } from '../context'
import { statement } from '../sql'

/** A personal record as stored in personal_records. */
export interface PersonalRecord {
  id: string
  dataClass: string
  recordClass: string | null
  subjectId: string | null
  data: Record<string, unknown>
  createdAt: Date
  updatedAt: Date
  anonymizedAt: Date | null
}

interface RecordRow {
  id: string
  data_class: string
  record_class: string | null
  subject_id: string | null
  data: Record<string, unknown>
  created_at: Date
  updated_at: Date
  anonymized_at: Date | null
}

const COLUMNS = 'id, data_class, record_class, subject_id, data, created_at, updated_at, anonymized_at'

/** Maps a personal_records row to its public shape. */
export function toRecord(r: RecordRow): PersonalRecord {
  return {
    id: String(r.id),
    dataClass: r.data_class,
    recordClass: r.record_class,
    subjectId: r.subject_id,
    data: r.data,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    anonymizedAt: r.anonymized_at,
  }
}

/**
 * The platform's store of personal records by data class: what retention ages out and what
 * data-subject requests export, rectify and erase. Each record takes its data class's record class.
 */
export class Records {
  private readonly q

  constructor(private readonly ctx: Context) {
    const s = ctx.schema
    this.q = {
      insert:
        statement(`INSERT INTO ${s}.personal_records (vertical, data_class, record_class, subject_id, data, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING ${COLUMNS}`),
      get: statement(`SELECT ${COLUMNS} FROM ${s}.personal_records WHERE vertical = $1 AND id = $2`),
      forSubject: statement(
        `SELECT ${COLUMNS} FROM ${s}.personal_records WHERE vertical = $1 AND subject_id = $2 ORDER BY id`,
      ),
      patch: statement(`UPDATE ${s}.personal_records SET data = data || $3, updated_at = $4
WHERE vertical = $1 AND id = $2 AND anonymized_at IS NULL RETURNING ${COLUMNS}`),
    }
  }

  /** Stores a record of a data class the vertical uses. */
  async insert(input: {
    dataClass: string
    subjectId: string | null
    data: Record<string, unknown>
  }): Promise<PersonalRecord> {
    const dataClass = this.ctx.platform.dataClasses[input.dataClass]
    if (dataClass === undefined || !this.ctx.vertical.dataClasses.includes(input.dataClass)) {
      throw new PlatformError(
        'DATA_CLASS_UNKNOWN',
        `data class "${input.dataClass}" is not used by vertical ${this.ctx.vertical.name}`,
      )
    }
    if (dataClass.personal && !input.subjectId) {
      throw new PlatformError(
        'INVALID_ARGUMENT',
        `records of "${input.dataClass}" are personal data and need a subjectId`,
      )
    }
    const values = [
      this.ctx.vertical.name,
      input.dataClass,
      dataClass.recordClass,
      input.subjectId,
      input.data,
      this.ctx.now(),
    ]
    const { rows } = await this.ctx.pool.query<RecordRow>({ ...this.q.insert, values })
    return toRecord(rows[0] as RecordRow)
  }

  /** One record by id, or NOT_FOUND. */
  async get(id: string): Promise<PersonalRecord> {
    const { rows } = await this.ctx.pool.query<RecordRow>({
      ...this.q.get,
      values: [this.ctx.vertical.name, id],
    })
    if (rows[0] === undefined) throw new PlatformError('NOT_FOUND', `personal record ${id} does not exist`)
    return toRecord(rows[0])
  }

  /** Every record of a subject, oldest first. */
  async forSubject(subjectId: string): Promise<PersonalRecord[]> {
    const { rows } = await this.ctx.pool.query<RecordRow>({
      ...this.q.forSubject,
      values: [this.ctx.vertical.name, subjectId],
    })
    return rows.map(toRecord)
  }

  /** Merges fields into a record's data (NOT_FOUND for a missing or anonymized record). */
  async patch(id: string, fields: Record<string, unknown>): Promise<PersonalRecord> {
    const { rows } = await this.ctx.pool.query<RecordRow>({
      ...this.q.patch,
      values: [this.ctx.vertical.name, id, fields, this.ctx.now()],
    })
    if (rows[0] === undefined)
      throw new PlatformError('NOT_FOUND', `personal record ${id} does not exist or was anonymized`)
    return toRecord(rows[0])
  }
}
