import type { IncomingMessage, ServerResponse } from 'node:http'
import type * as z from 'zod'
import { fieldIssues } from './schemas'

/** An expected failure with its HTTP status and a stable error code for clients. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message)
  }
}

const MAX_BODY = 16 * 1024

/** Writes a JSON response. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
  res.end(`${JSON.stringify(body)}\n`)
}

/** Writes an error response: `{ error: { code, message, ...details } }`. */
export function sendError(res: ServerResponse, error: HttpError): void {
  sendJson(res, error.status, { error: { code: error.code, message: error.message, ...error.details } })
}

/** Reads and validates a JSON body; 400 for a body that is not JSON or does not fit the schema. */
export async function readBody<S extends z.ZodType>(req: IncomingMessage, schema: S): Promise<z.output<S>> {
  const type = req.headers['content-type'] ?? ''
  if (!type.startsWith('application/json')) {
    throw new HttpError(415, 'unsupported_media_type', 'send the body as application/json')
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY)
      throw new HttpError(413, 'body_too_large', `the body may hold at most ${MAX_BODY} bytes`)
    chunks.push(chunk as Buffer)
  }
  let json: unknown
  try {
    json = JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    throw new HttpError(400, 'invalid_json', 'the body is not valid JSON')
  }
  return parseInput(schema, json)
}

/** Validates a value against a schema; 400 listing every problem otherwise. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  throw new HttpError(400, 'invalid_request', 'the request does not match the expected shape', {
    issues: fieldIssues(result.error),
  })
}
