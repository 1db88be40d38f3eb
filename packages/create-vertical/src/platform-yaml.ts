import {
  AWS_REGION_COUNTRIES,
  formatDiagnostic,
  JURISDICTION_FACTS,
  JURISDICTIONS,
  PlatformError,
  parse,
  type ResolvedPlatform,
} from '@verticals/config-schema'
import { isMap, isScalar, parseDocument } from 'yaml'

/** What the scaffold's platform.yaml is made of, beyond the template. */
export interface PlatformAnswers {
  name: string
  vertical: string
  region: string
}

/** The disaster-recovery region: us-east-1, or us-west-2 when the primary is us-east-1. */
export function drRegionFor(region: string): string {
  return region === 'us-east-1' ? 'us-west-2' : 'us-east-1'
}

/** "my-svc" -> "My Svc": the display name in documents and dashboards. */
export function displayNameOf(name: string): string {
  return name
    .split('-')
    .filter(Boolean)
    .map((w) => w[0]?.toUpperCase() + w.slice(1))
    .join(' ')
}

// The clients are Argentine (AR); the law of the country hosting the primary region applies too.
function jurisdictionsFor(region: string): string[] {
  const country = AWS_REGION_COUNTRIES[region]
  const hosting = JURISDICTIONS.find((code) => JURISDICTION_FACTS[code].countries.includes(country ?? ''))
  return hosting === undefined || hosting === 'AR' ? ['AR'] : ['AR', hosting]
}

/** A replacement of one node's source text. */
interface Edit {
  from: number
  to: number
  text: string
}

function rangeOf(node: unknown, what: string): [number, number] {
  const range = (node as { range?: [number, number, number] } | null)?.range
  if (range === undefined) throw new Error(`the template platform.yaml has no ${what}`)
  return [range[0], range[1]]
}

// The template's first dataResidency.transfers entry is the replication from the primary region's
// country to the DR region's: it follows the region answer, and goes when both are in one country.
function replicationTransferEdit(
  doc: ReturnType<typeof parseDocument>,
  template: string,
  region: string,
): Edit | undefined {
  const [from, to] = rangeOf(doc.getIn(['dataResidency', 'transfers', 0], true), 'replication transfer')
  const lineStart = template.lastIndexOf('\n', from) + 1
  const lineEnd = template.indexOf('\n', to)
  const indent = template.slice(lineStart, from)
  const source = AWS_REGION_COUNTRIES[region]
  const target = AWS_REGION_COUNTRIES[drRegionFor(region)]
  if (source === undefined || target === undefined || source === target) {
    return { from: lineStart, to: lineEnd + 1, text: '' }
  }
  const line = `{ from: ${source}, to: ${target}, mechanism: model-clauses } # the copy in the DR region is a transfer under the primary's law`
  return source === 'BR' ? undefined : { from: lineStart, to: lineEnd, text: `${indent}${line}` }
}

/**
 * Rewrites the template's platform.yaml for the answers by replacing only the source text of the
 * nodes that change (every other byte, comments and layout included, stays), then validates it.
 * Throws CONFIG_INVALID with every diagnostic when the answers make an invalid config.
 */
export function renderPlatformYaml(
  template: string,
  answers: PlatformAnswers,
): { text: string; platform: ResolvedPlatform } {
  const doc = parseDocument(template)
  const verticals = doc.get('verticals', true)
  const first = isMap(verticals) ? verticals.items[0] : undefined
  if (first === undefined || !isScalar(first.key))
    throw new Error('the template platform.yaml declares no vertical')
  // Every new value is a DNS label, a region name or words of one: safe as plain YAML scalars.
  const edits: Edit[] = [
    [doc.getIn(['metadata', 'name'], true), answers.name, 'metadata.name'],
    [doc.getIn(['metadata', 'displayName'], true), displayNameOf(answers.name), 'metadata.displayName'],
    [first.key, answers.vertical, 'vertical'],
    [doc.getIn(['regions', 0, 'name'], true), answers.region, 'primary region'],
    [doc.getIn(['regions', 1, 'name'], true), drRegionFor(answers.region), 'DR region'],
    [doc.get('jurisdictions', true), `[${jurisdictionsFor(answers.region).join(', ')}]`, 'jurisdictions'],
  ].map(([node, text, what]) => {
    const [from, to] = rangeOf(node, what as string)
    return { from, to, text: text as string }
  })
  const replication = replicationTransferEdit(doc, template, answers.region)
  if (replication !== undefined) edits.push(replication)
  let text = template
  for (const edit of edits.sort((a, b) => b.from - a.from)) {
    text = text.slice(0, edit.from) + edit.text + text.slice(edit.to)
  }
  const result = parse(text, 'platform.yaml')
  if (!result.ok) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error')
    throw new PlatformError(
      'CONFIG_INVALID',
      `the platform.yaml for --vertical ${answers.vertical} --region ${answers.region} is not valid; nothing was written:\n${errors.map(formatDiagnostic).join('\n')}`,
      {
        diagnostics: result.diagnostics,
        hint: 'Try the default region (--region sa-east-1), then edit platform.yaml.',
      },
    )
  }
  return { text, platform: result.platform }
}
