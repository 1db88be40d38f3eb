import { PlatformError } from '@verticals/config-schema'
import type { Context } from '../context'

/**
 * Where erasures are journaled, outside the database they erase from: a restored backup brings back
 * what was erased after it was taken, and the journal is what puts those erasures back (replayErasures).
 * It holds keyed digests only, never an id. `s3ErasureJournal` (`@verticals/core/s3`) keeps it in the
 * audit-anchors bucket; `memoryErasureJournal` is for development.
 */
export interface ErasureJournal {
  /** Stores one entry under a key not used before. */
  append(key: string, body: string): Promise<void>
  /** The bodies of the entries whose key starts with `prefix` and sorts after `startAfter`, in key order. */
  list(prefix: string, startAfter: string): Promise<string[]>
}

/** One journaled erasure: which vertical erased which digest, when, under which erasure record. */
export interface ErasureJournalEntry {
  vertical: string
  /** The subject's keyed digest (see SubjectKey). */
  subjectDigest: string
  /** The dsr.erasure.performed entry ('<record class>:<seq>') in the chain of that vertical. */
  erasureRecord: string
  /** ISO time of the erasure. */
  erasedAt: string
}

/** The key prefix of a vertical's journal: entries sort by time under it. */
export function journalPrefix(ctx: Pick<Context, 'platform' | 'schema' | 'vertical'>): string {
  return `erasure-journal/${ctx.platform.metadata.name}/${ctx.schema.replace(/"/g, '')}/${ctx.vertical.name}/`
}

/** Journals an erasure before it happens (no erasure without its entry); a no-op without a journal. */
export async function journalErasure(
  ctx: Context,
  subjectDigest: string,
  erasureRecord: string,
): Promise<void> {
  const journal = ctx.erasureJournal
  if (journal === undefined) return
  const entry: ErasureJournalEntry = {
    vertical: ctx.vertical.name,
    subjectDigest,
    erasureRecord,
    erasedAt: ctx.now().toISOString(),
  }
  const key = `${journalPrefix(ctx)}${entry.erasedAt}-${subjectDigest.slice(0, 16)}-${erasureRecord.replace(/[^a-z0-9-]/gi, '_')}.json`
  try {
    await journal.append(key, JSON.stringify(entry))
  } catch (error) {
    throw new PlatformError('STORAGE_UNAVAILABLE', 'the erasure could not be journaled; nothing was erased', {
      cause: error,
      hint: 'Retry dsr.fulfil once the journal (the audit-anchors bucket) answers: erasure is idempotent.',
    })
  }
}

/** A vertical's journaled erasures at or after `since`, oldest first. */
export async function journaledSince(
  ctx: Context,
  journal: ErasureJournal,
  since: Date,
): Promise<ErasureJournalEntry[]> {
  const prefix = journalPrefix(ctx)
  // Keys are '<prefix><ISO time>-...': every key at or after `since` sorts after '<prefix><since>' minus a step.
  const bodies = await journal.list(prefix, `${prefix}${new Date(since.getTime() - 1).toISOString()}~`)
  return bodies
    .map((b) => JSON.parse(b) as ErasureJournalEntry)
    .filter((e) => e.erasedAt >= since.toISOString())
}

/** A journal in this process's memory: for development and tests, never for a service that must survive a restore. */
export function memoryErasureJournal(): ErasureJournal & { readonly entries: ReadonlyMap<string, string> } {
  const entries = new Map<string, string>()
  return {
    entries,
    async append(key, body) {
      if (entries.has(key)) throw new Error(`journal entry ${key} exists`)
      entries.set(key, body)
    },
    async list(prefix, startAfter) {
      return [...entries.keys()]
        .filter((k) => k.startsWith(prefix) && k > startAfter)
        .sort()
        .map((k) => entries.get(k) as string)
    },
  }
}
