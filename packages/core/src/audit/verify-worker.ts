import type { KeyObject } from 'node:crypto'
import { parentPort, workerData } from 'node:worker_threads'
import { idDigest } from './canonical'
import { EntryRows } from './entry-rows'
import { hmacHex, keyedIdDigest } from './keyed'
import { checkSegment } from './segment'

// A verify worker thread (its own tsup entry, dist/verify-worker.js): checks segments of chains'
// COPY text, which the main thread streams from PostgreSQL, and answers each with a SegmentResult.

/** What a worker is started with. */
export interface VerifyWorkerData {
  auditKey: KeyObject
  subjectKey: KeyObject
  vertical: string
}

const data = workerData as VerifyWorkerData
const keys = {
  auditKey: { mac: (text: string) => hmacHex(data.auditKey, text) },
  vertical: { name: data.vertical },
}
const digests = (id: string): [string, string] => [keyedIdDigest(data.subjectKey, id), idDigest(id)]
// The digests of the ids seen in this verify run, as each verify's EntryRows keeps them.
let decoder = { run: 0, rows: new EntryRows({ digests }) }
const text = new TextDecoder()

parentPort?.on(
  'message',
  (message: { id: number; run: number; recordClass: string; segment: Uint8Array }) => {
    try {
      if (decoder.run !== message.run) decoder = { run: message.run, rows: new EntryRows({ digests }) }
      const result = checkSegment(keys, message.recordClass, decoder.rows, text.decode(message.segment))
      parentPort?.postMessage({ id: message.id, result })
    } catch (error) {
      parentPort?.postMessage({
        id: message.id,
        error: error instanceof Error ? error.message : String(error),
      })
    }
  },
)
