import { PlatformError } from '@verticals/config-schema'
import type { Cache } from '../cache/cache'
import type { Records } from '../records/records'
import type { FulfilOptions } from './request'

/** Applies a rectification to the subject's own records and drops their cached copies; returns what changed. */
export async function rectifySubject(
  records: Records,
  cache: Cache,
  subjectId: string,
  changes: NonNullable<FulfilOptions['rectify']>,
): Promise<{ recordId: string; fields: string[] }[]> {
  if (changes.length === 0)
    throw new PlatformError('INVALID_ARGUMENT', 'a rectification needs rectify: [{ recordId, fields }]')
  const done: { recordId: string; fields: string[] }[] = []
  for (const change of changes) {
    const record = await records.get(change.recordId)
    if (record.subjectId !== subjectId) {
      throw new PlatformError(
        'INVALID_ARGUMENT',
        `record ${change.recordId} does not belong to the request's subject`,
      )
    }
    await records.patch(change.recordId, change.fields)
    done.push({ recordId: change.recordId, fields: Object.keys(change.fields).sort() })
  }
  await cache.invalidateSubject(subjectId)
  return done
}
