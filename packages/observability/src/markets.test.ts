import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import { MARKET_HEADER, marketRecognizer, VIEWER_HEADERS, viewerHeadersUsed } from './markets'
import { examplePlatform } from './testing/example'
import { verticalOf } from './vertical'

const platform = examplePlatform()
const barber = verticalOf(platform, 'barber')
const recognize = marketRecognizer(platform, barber)

const request = (headers: Record<string, string>, url = '/bookings'): IncomingMessage =>
  ({ headers, url }) as unknown as IncomingMessage

describe('market recognition from platform.yaml', () => {
  it('maps the CloudFront viewer region of Buenos Aires and Córdoba to their markets', () => {
    const viewer = (region: string) => ({ [VIEWER_HEADERS.country]: 'AR', [VIEWER_HEADERS.region]: region })
    expect(recognize(request(viewer('C')))).toBe('buenos-aires')
    expect(recognize(request(viewer('X')))).toBe('cordoba')
  })

  it('maps a viewer city without case or accents, percent-encoded or not', () => {
    expect(recognize(request({ [VIEWER_HEADERS.city]: 'rosario' }))).toBe('rosario')
    expect(recognize(request({ [VIEWER_HEADERS.city]: 'La%20Plata' }))).toBe('la-plata')
  })

  it('falls back to the x-verticals-market header, and to nothing when no rule matches', () => {
    expect(recognize(request({ [MARKET_HEADER]: 'cordoba' }))).toBe('cordoba')
    const outside = { [VIEWER_HEADERS.country]: 'AR', [VIEWER_HEADERS.region]: 'M' }
    expect(recognize(request(outside))).toBeUndefined()
  })

  it('names exactly the viewer headers the markets use', () => {
    expect(viewerHeadersUsed(platform, barber)).toEqual(['country', 'region', 'city'])
  })
})
