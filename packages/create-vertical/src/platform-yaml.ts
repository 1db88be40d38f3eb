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

/**
 * Rewrites the template's platform.yaml for the answers, keeping its comments, then validates it.
 * Throws CONFIG_INVALID with every diagnostic when the answers make an invalid config.
 */
export function renderPlatformYaml(
  template: string,
  answers: PlatformAnswers,
): { text: string; platform: ResolvedPlatform } {
  const doc = parseDocument(template)
  doc.setIn(['metadata', 'name'], answers.name)
  doc.setIn(['metadata', 'displayName'], displayNameOf(answers.name))
  const verticals = doc.get('verticals', true)
  const first = isMap(verticals) ? verticals.items[0] : undefined
  if (first === undefined || !isScalar(first.key))
    throw new Error('template platform.yaml declares no vertical')
  first.key.value = answers.vertical
  doc.setIn(['regions', 0, 'name'], answers.region)
  doc.setIn(['regions', 1, 'name'], drRegionFor(answers.region))
  const jurisdictions = doc.createNode(jurisdictionsFor(answers.region))
  jurisdictions.flow = true
  doc.set('jurisdictions', jurisdictions)
  const text = doc.toString({ lineWidth: 0 })
  const result = parse(text, 'platform.yaml')
  if (!result.ok) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error')
    throw new PlatformError(
      'CONFIG_INVALID',
      `the platform.yaml for --vertical ${answers.vertical} --region ${answers.region} is not valid; nothing was written:\n${errors.map(formatDiagnostic).join('\n')}`,
      {
        diagnostics: result.diagnostics,
        hint: `Try the default region (--region sa-east-1), then edit platform.yaml.`,
      },
    )
  }
  return { text, platform: result.platform }
}
