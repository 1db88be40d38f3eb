import { copyRow } from './copy-text'
import { type EntryKeys, entryIntact } from './entry-check'
import type { EntryRows } from './entry-rows'
import { COL } from './verify-queries'

/** What a verify worker found in one segment of a chain (a run of consecutive rows, in seq order). */
export interface SegmentResult {
  rows: number
  firstSeq: number
  lastSeq: number
  /** The prev_hash of the first row: the stitch to the segment before. */
  firstPrev: string
  lastHash: string
  /**
   * Every row intact and not redacted, seqs consecutive and each linked to the one before it: exactly
   * the rows the sequential walk passes without a further look, once the first row stitches.
   */
  clean: boolean
}

/** Checks the rows of a segment (COPY text of verify-queries' ENTRY_RAW columns) on their own. */
export function checkSegment(
  keys: EntryKeys,
  recordClass: string,
  decoder: EntryRows,
  text: string,
): SegmentResult {
  let clean = true
  let seq = 0
  let prev = ''
  let firstPrev = ''
  let firstSeq = 0
  let i = 0
  // Row by row, so each row's strings and arrays die young (a segment's worth alive at once costs
  // old-generation collections).
  for (
    let start = 0, end = text.indexOf('\n');
    end !== -1;
    start = end + 1, end = text.indexOf('\n', start), i += 1
  ) {
    const row = decoder.entry(copyRow(text.slice(start, end)))
    const rowSeq = Number(row[COL.seq])
    if (i === 0) {
      firstSeq = rowSeq
      firstPrev = row[COL.prevHash] as string
    } else if (rowSeq !== seq + 1 || row[COL.prevHash] !== prev) clean = false
    // Once unclean, the walk in the main thread reads the segment again; only the last row still counts.
    if (clean && (row[COL.redacted] === true || !entryIntact(keys, recordClass, row, decoder.names)))
      clean = false
    seq = rowSeq
    prev = row[COL.hash] as string
  }
  return { rows: i, firstSeq, lastSeq: seq, firstPrev, lastHash: prev, clean }
}

/** Cuts a COPY byte stream into segments of exactly `size` rows (the last one may be shorter). */
export class Segmenter {
  private parts: Buffer[] = []
  private rows = 0

  constructor(private readonly size: number) {}

  /** The segments a chunk of the stream completes. */
  push(chunk: Buffer): Uint8Array[] {
    const done: Uint8Array[] = []
    let start = 0
    for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10, nl + 1)) {
      this.rows += 1
      if (this.rows === this.size) {
        this.parts.push(chunk.subarray(start, nl + 1))
        done.push(this.take())
        start = nl + 1
      }
    }
    if (start < chunk.length) this.parts.push(chunk.subarray(start))
    return done
  }

  /** The last, shorter segment, if any rows are left. */
  end(): Uint8Array[] {
    return this.rows > 0 ? [this.take()] : []
  }

  // A copy in its own ArrayBuffer, so it can be transferred to a worker.
  private take(): Uint8Array {
    const length = this.parts.reduce((n, p) => n + p.length, 0)
    const out = new Uint8Array(length)
    let at = 0
    for (const part of this.parts) {
      out.set(part, at)
      at += part.length
    }
    this.parts = []
    this.rows = 0
    return out
  }
}
