import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { PlatformError } from '@verticals/config-schema'

/** The file in a scaffold that says which create-vertical made it, and with which answers. */
export const RECORD_FILE = '.create-vertical.json'

/** What an upgrade needs to render the template a scaffold was made from (as copier's answers file). */
export interface ScaffoldRecord {
  /** The create-vertical version that wrote the scaffold. */
  readonly version: string
  readonly vertical: string
  readonly name: string
  readonly region: string
}

/** The record's text, as the scaffold carries it. */
export function renderRecord(record: ScaffoldRecord): string {
  const { version, vertical, name, region } = record
  return `${JSON.stringify({ version, vertical, name, region }, null, 2)}\n`
}

/** The record of the scaffold in `target`, or undefined when it has none (not ours, or made before 0.2). */
export async function readRecord(target: string): Promise<ScaffoldRecord | undefined> {
  let text: string
  try {
    text = await readFile(join(target, RECORD_FILE), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
  const value = JSON.parse(text) as Partial<ScaffoldRecord>
  const fields = ['version', 'vertical', 'name', 'region'] as const
  const missing = fields.filter((field) => typeof value[field] !== 'string')
  if (missing.length > 0) {
    throw new PlatformError('INVALID_ARGUMENT', `${RECORD_FILE} lacks ${missing.join(', ')}`, {
      hint: `Restore ${RECORD_FILE} from version control; create-vertical wrote it with the scaffold.`,
    })
  }
  return value as ScaffoldRecord
}
