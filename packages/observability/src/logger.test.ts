import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { createLogger, requestLogger } from './logger'
import { redactionPaths, sensitiveFields } from './redaction'
import { runWithRequestContext, tagRequest } from './request-context'
import { examplePlatform } from './testing/example'

const platform = examplePlatform()

function capture() {
  const lines: string[] = []
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(String(chunk))
      callback()
    },
  })
  return { lines, stream }
}

// A distinctive value per field of every personal data class, so a leak is unambiguous.
const personal = Object.values(platform.dataClasses)
  .filter((c) => c.personal)
  .flatMap((c) => c.fields.map((field) => ({ field, value: `LEAK-${c.name}-${field}` })))

describe('createLogger', () => {
  it('derives redaction paths from every personal data class, nested, plus secrets', () => {
    expect(personal.length).toBeGreaterThan(8)
    const paths = redactionPaths(platform)
    for (const { field } of personal)
      expect(paths).toEqual(expect.arrayContaining([field, `*.${field}`, `*.*.${field}`]))
    expect(paths).toEqual(
      expect.arrayContaining(['*.*.authorization', 'token', '*.password', '*.session_notes']),
    )
    expect(sensitiveFields(platform)).toContain('email')
  })

  it('writes no personal data of any personal-data class, at any depth or spelling, nor secrets', () => {
    const { lines, stream } = capture()
    const logger = createLogger(platform, { vertical: 'psychology', destination: stream })
    const flat = Object.fromEntries(personal.map((p) => [p.field, p.value]))
    const snake = Object.fromEntries(
      personal.map((p) => [p.field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), p.value]),
    )
    logger.info(flat, 'flat')
    logger.info({ booking: { client: flat } }, 'nested')
    logger.info({ a: { b: { c: { d: { e: snake } } } } }, 'deep snake_case')
    logger.info({
      req: { headers: { authorization: 'Bearer LEAK-token', cookie: 'sid=LEAK-cookie' } },
      token: 'LEAK-t',
    })
    logger.warn(
      { user: { email: 'ana.perez@example.com' } },
      'contact ana.perez@example.com failed for %s',
      'luis@example.org',
    )
    logger.error({ err: new Error('could not mail ana.perez@example.com'), sessionNotes: 'LEAK-note' })
    const output = lines.join('')
    expect(lines).toHaveLength(6)
    expect(output).not.toMatch(/LEAK-/)
    expect(output).not.toContain('@example.')
    expect(output).toContain('[Redacted]')
    expect(JSON.parse(lines[0] as string)).toMatchObject({
      vertical: 'psychology',
      platform: 'turnos',
      msg: 'flat',
    })
  })

  it('adds the request id inside a request', () => {
    const { lines, stream } = capture()
    const logger = createLogger(platform, { vertical: 'barber', destination: stream, level: 'debug' })
    const req = {} as Parameters<typeof runWithRequestContext>[0]
    runWithRequestContext(req, { requestId: 'req-42' }, () => logger.debug('inside'))
    logger.debug('outside')
    const other = {} as Parameters<typeof runWithRequestContext>[0]
    tagRequest(other, 'req-43')
    requestLogger(logger, other).debug('child')
    expect(JSON.parse(lines[0] as string)).toMatchObject({ requestId: 'req-42', level: 20 })
    expect(JSON.parse(lines[1] as string).requestId).toBeUndefined()
    expect(JSON.parse(lines[2] as string)).toMatchObject({ requestId: 'req-43', msg: 'child' })
  })
})
