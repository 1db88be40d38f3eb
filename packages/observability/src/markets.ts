import type { IncomingMessage } from 'node:http'
import type { ResolvedPlatform } from '@verticals/config-schema'
import type { Vertical } from './vertical'

/**
 * The CloudFront viewer headers a market can be recognized by. The generated origin request policy
 * forwards exactly the ones the vertical's markets use (viewerHeadersUsed); Node lower-cases names.
 */
export const VIEWER_HEADERS = {
  country: 'cloudfront-viewer-country',
  region: 'cloudfront-viewer-country-region',
  city: 'cloudfront-viewer-city',
} as const

/** Header a caller may set to name the market; read only when no rule of platform.yaml matches. */
export const MARKET_HEADER = 'x-verticals-market'

type ViewerHeader = keyof typeof VIEWER_HEADERS

/** The viewer headers the vertical's markets are recognized by, in a stable order. */
export function viewerHeadersUsed(platform: ResolvedPlatform, vertical: Vertical): ViewerHeader[] {
  const markets = vertical.markets.map((name) => platform.markets[name]).filter((m) => m !== undefined)
  const regions = markets.some((m) => m.recognize.viewerRegions.length > 0)
  const cities = markets.some((m) => m.recognize.viewerCities.length > 0)
  return [...(regions ? (['country', 'region'] as const) : []), ...(cities ? (['city'] as const) : [])]
}

// Cities compare without case or accents: "Córdoba", "cordoba" and "CORDOBA" are one city.
const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim()

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}

// CloudFront sends non-ASCII city names percent-encoded; a value that is not valid encoding is used as is.
function decoded(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

interface Matcher {
  readonly market: string
  readonly regions: ReadonlySet<string>
  readonly cities: ReadonlySet<string>
  readonly hosts: ReadonlySet<string>
  readonly pathPrefixes: readonly string[]
}

/**
 * Builds the function that attributes a request to one of the vertical's markets from the rules of
 * `markets.<name>.recognize` in platform.yaml: the first market (in the order platform.yaml lists
 * them) with a matching host, path prefix, viewer region (`<country>-<region>` from the CloudFront
 * viewer headers) or viewer city wins; then the `x-verticals-market` header; else undefined, which
 * the metrics record as `unknown`.
 */
export function marketRecognizer(
  platform: ResolvedPlatform,
  vertical: Vertical,
): (req: IncomingMessage) => string | undefined {
  const matchers: Matcher[] = Object.values(platform.markets)
    .filter((m) => vertical.markets.includes(m.name))
    .map((m) => ({
      market: m.name,
      regions: new Set(m.recognize.viewerRegions),
      cities: new Set(m.recognize.viewerCities.map(fold)),
      hosts: new Set(m.recognize.hosts),
      pathPrefixes: m.recognize.pathPrefixes,
    }))
  return (req) => {
    const host = header(req, 'host')?.split(':')[0]?.toLowerCase()
    const path = req.url ?? '/'
    const country = header(req, VIEWER_HEADERS.country)
    const region = header(req, VIEWER_HEADERS.region)
    const subdivision = country && region ? `${country.toUpperCase()}-${region.toUpperCase()}` : undefined
    const rawCity = header(req, VIEWER_HEADERS.city)
    const city = rawCity === undefined ? undefined : fold(decoded(rawCity))
    for (const m of matchers) {
      if (host !== undefined && m.hosts.has(host)) return m.market
      if (m.pathPrefixes.some((prefix) => path.startsWith(prefix))) return m.market
      if (subdivision !== undefined && m.regions.has(subdivision)) return m.market
      if (city !== undefined && m.cities.has(city)) return m.market
    }
    return header(req, MARKET_HEADER)
  }
}
