/** An expected failure with its HTTP status and a stable code for clients. */
export class HttpError extends Error {
  constructor(status, code, message, details = {}) {
    super(message)
    this.status = status
    this.code = code
    this.details = details
  }
}

const MAX_BODY = 16 * 1024

/** Writes a JSON response. */
export function sendJson(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
  res.end(`${JSON.stringify(body)}\n`)
}

/** Reads a JSON body and validates it with a zod schema: 400 naming every invalid field otherwise. */
export async function readBody(req, schema) {
  if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
    throw new HttpError(415, 'unsupported_media_type', 'send the body as application/json')
  const chunks = []
  let size = 0
  for await (const chunk of req) {
    size += chunk.length
    if (size > MAX_BODY)
      throw new HttpError(413, 'body_too_large', `the body may hold at most ${MAX_BODY} bytes`)
    chunks.push(chunk)
  }
  let json
  try {
    json = JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    throw new HttpError(400, 'invalid_json', 'the body is not valid JSON')
  }
  return parseInput(schema, json)
}

/** Validates a value; 400 listing each problem as `{ path, message }` otherwise. */
export function parseInput(schema, value) {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const issues = result.error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message }))
  throw new HttpError(400, 'invalid_request', 'the request does not match the expected shape', { issues })
}
