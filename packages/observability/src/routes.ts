/** Route label for a path that matched no template once the heuristic budget is spent. */
export const OTHER_ROUTE = '/:other'
/** Route label for requests answered 404 without a matching template (scanners, typos). */
export const NOT_FOUND_ROUTE = '/:not_found'

// Distinct heuristic templates allowed per process before everything else becomes OTHER_ROUTE:
// the bound that keeps an unexpected URL scheme from exploding series cardinality.
const MAX_DERIVED_ROUTES = 100
const MAX_DEPTH = 3
const STATIC_SEGMENT = /^[a-z][a-z_-]{0,23}$/

interface CompiledRoute {
  readonly template: string
  readonly segments: readonly string[]
}

const split = (path: string): string[] => path.split('/').filter((s) => s.length > 0)

/**
 * Turns request paths into route templates for the `route` label. Declared templates
 * (`/bookings/:id`, `/files/*`) match first; otherwise a template is derived by keeping short
 * lowercase words and replacing anything else (ids, e-mails, tokens) with `:param`, up to a fixed
 * number of distinct templates. A raw URL never becomes a label.
 */
export class RouteTemplater {
  readonly #routes: readonly CompiledRoute[]
  readonly #derived = new Set<string>()

  constructor(templates: readonly string[] = []) {
    this.#routes = templates.map((template) => ({ template, segments: split(template) }))
  }

  /** The template of `url` (path and query); `status` lets unmatched 404s collapse into one label. */
  template(url: string | undefined, status: number): string {
    const query = (url ?? '/').indexOf('?')
    const path = query === -1 ? (url ?? '/') : (url ?? '/').slice(0, query)
    const segments = split(path)
    for (const route of this.#routes) if (matches(route.segments, segments)) return route.template
    if (status === 404) return NOT_FOUND_ROUTE
    return this.#derive(segments)
  }

  #derive(segments: readonly string[]): string {
    const parts = segments.slice(0, MAX_DEPTH).map((s) => (STATIC_SEGMENT.test(s) ? s : ':param'))
    if (segments.length > MAX_DEPTH) parts.push('*')
    const template = `/${parts.join('/')}`
    if (this.#derived.has(template)) return template
    if (this.#derived.size >= MAX_DERIVED_ROUTES) return OTHER_ROUTE
    this.#derived.add(template)
    return template
  }
}

function matches(template: readonly string[], path: readonly string[]): boolean {
  for (let i = 0; i < template.length; i++) {
    const part = template[i] as string
    if (part === '*') return path.length >= i
    const actual = path[i]
    if (actual === undefined) return false
    if (!part.startsWith(':') && part !== actual) return false
  }
  return template.length === path.length
}
