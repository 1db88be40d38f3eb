import type { IncomingMessage } from 'node:http'
import type { ResolvedPlatform } from '@verticals/config-schema'
import pino, { type DestinationStream, type Level, type Logger } from 'pino'
import {
  normalizeKey,
  REDACTED,
  redactionPaths,
  scrubDeep,
  scrubError,
  scrubText,
  sensitiveFields,
} from './redaction'
import { currentRequestContext, requestIdOf } from './request-context'
import { verticalOf } from './vertical'

/** Options of createLogger. */
export interface LoggerOptions {
  /** The vertical whose service logs; it becomes the `vertical` field of every line. */
  readonly vertical: string
  /** Lowest level written; `info` by default. */
  readonly level?: Level
  /** Where lines go; stdout by default (pino.destination, a file stream, a test buffer...). */
  readonly destination?: DestinationStream
}

/**
 * A pino logger that never writes personal data: the fields of every personal data class and
 * common secrets are redacted by path and, at any depth, by a scrubbing formatter; e-mail addresses
 * are removed from messages. Each line carries the vertical and, inside a request, its request id.
 */
export function createLogger(platform: ResolvedPlatform, options: LoggerOptions): Logger {
  const vertical = verticalOf(platform, options.vertical)
  const sensitive = new Set(sensitiveFields(platform).map(normalizeKey))
  return pino(
    {
      level: options.level ?? 'info',
      base: { platform: platform.metadata.name, vertical: vertical.name },
      redact: { paths: redactionPaths(platform), censor: REDACTED },
      mixin: () => {
        const context = currentRequestContext()
        return context ? { requestId: context.requestId } : {}
      },
      formatters: {
        log: (object) => scrubDeep(object, sensitive) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map(scrubArgument)
          method.apply(this, scrubbed as Parameters<typeof method>)
        },
      },
    },
    options.destination ?? pino.destination({ sync: false }),
  )
}

// Messages and errors are scrubbed before pino builds `msg` from them (it reads err.message).
function scrubArgument(arg: unknown): unknown {
  if (typeof arg === 'string') return scrubText(arg)
  if (arg instanceof Error) return scrubError(arg)
  if (arg && typeof arg === 'object' && 'err' in arg && arg.err instanceof Error)
    return { ...arg, err: scrubError(arg.err) }
  return arg
}

/** A child logger whose lines carry the request id the middleware gave `req` (for use without requestContext). */
export function requestLogger(logger: Logger, req: IncomingMessage): Logger {
  const requestId = requestIdOf(req)
  return requestId === undefined ? logger : logger.child({ requestId })
}
