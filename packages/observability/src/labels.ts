import { PlatformError, type ResolvedPlatform } from '@verticals/config-schema'
import { LABEL_VALUES } from './contract'
import type { Vertical } from './vertical'

/** Market label for requests whose market is not one of the vertical's markets. */
export const UNKNOWN_MARKET = 'unknown'

/** Checks label values against the bounded sets the config defines, so no label can carry user data. */
export class LabelGuard {
  readonly #markets: ReadonlySet<string>
  readonly #dataClasses: ReadonlySet<string>
  readonly #purposes: ReadonlySet<string>
  readonly #dsrKinds: ReadonlySet<string>
  readonly #recordClasses: ReadonlySet<string>
  readonly #breachClocks: ReadonlySet<string>

  constructor(platform: ResolvedPlatform, vertical: Vertical) {
    this.#markets = new Set(vertical.markets)
    this.#dataClasses = new Set(vertical.dataClasses)
    this.#purposes = new Set(vertical.purposes)
    this.#dsrKinds = new Set(Object.keys(platform.dsr.deadlines))
    this.#recordClasses = new Set(Object.keys(platform.retention.recordClasses))
    this.#breachClocks = new Set(platform.breachNotification.clocks.map((c) => `${c.jurisdiction}/${c.to}`))
  }

  /** A market of the vertical, or `unknown` (requests without a market still count, just not per market). */
  market(value: string | undefined): string {
    return value !== undefined && this.#markets.has(value) ? value : UNKNOWN_MARKET
  }

  /** A data class of the vertical; anything else is a programming error. */
  dataClass(value: string): string {
    if (this.#dataClasses.has(value)) return value
    throw new PlatformError('DATA_CLASS_UNKNOWN', `data class "${value}" is not used by this vertical`, {
      hint: `use one of: ${[...this.#dataClasses].join(', ')}`,
    })
  }

  /** A consent purpose of the vertical. */
  purpose(value: string): string {
    if (this.#purposes.has(value)) return value
    throw new PlatformError('PURPOSE_UNKNOWN', `consent purpose "${value}" is not used by this vertical`, {
      hint: `use one of: ${[...this.#purposes].join(', ')}`,
    })
  }

  /** A data-subject request kind with a configured deadline. */
  dsrKind(value: string): string {
    return this.#oneOf(value, this.#dsrKinds, 'data-subject request kind')
  }

  /** A breach-notification clock (declared jurisdiction and addressee kind). */
  breachClock(jurisdiction: string, to: string): { jurisdiction: string; to: string } {
    this.#oneOf(`${jurisdiction}/${to}`, this.#breachClocks, 'breach-notification clock')
    return { jurisdiction, to }
  }

  /** A retention record class. */
  recordClass(value: string): string {
    return this.#oneOf(value, this.#recordClasses, 'retention record class')
  }

  #oneOf(value: string, allowed: ReadonlySet<string>, what: string): string {
    if (allowed.has(value)) return value
    throw new PlatformError('INVALID_ARGUMENT', `${what} "${value}" is not declared in platform.yaml`, {
      hint: `use one of: ${[...allowed].join(', ')}`,
    })
  }
}

const METHODS: ReadonlySet<string> = new Set(LABEL_VALUES.method)

/** An HTTP method from the closed list, else OTHER (a client can send any token). */
export function methodLabel(method: string | undefined): string {
  if (method === undefined) return 'OTHER'
  if (METHODS.has(method)) return method
  const upper = method.toUpperCase()
  return METHODS.has(upper) ? upper : 'OTHER'
}

/** The `status_class` of a request whose client went away first (status 499, see http.ts). */
export const CLIENT_CLOSED_CLASS = 'client_closed'

/**
 * `2xx`-style class of a status code; 499 (the client closed the connection) is a class of its own,
 * which the availability SLI judges by duration; codes outside 100-599 count as 5xx (the server misbehaved).
 */
export function statusClass(status: number): string {
  if (status === 499) return CLIENT_CLOSED_CLASS
  if (!(status >= 100 && status < 600)) return '5xx'
  return LABEL_VALUES.statusClass[Math.floor(status / 100) - 1] ?? '5xx'
}

const QUEUE_NAME = /^[a-z][a-z0-9_-]{0,62}$/

/** A queue name written by code (lowercase identifier), never data from a request. */
export function queueLabel(value: string): string {
  if (QUEUE_NAME.test(value)) return value
  throw new PlatformError('INVALID_ARGUMENT', `queue name "${value}" is not a lowercase identifier`, {
    hint: 'name queues in code (e.g. "booking"); never derive them from request data',
  })
}
