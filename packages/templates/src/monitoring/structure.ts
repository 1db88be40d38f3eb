import { dashboardSchema } from '@verticals/observability'
import type { ArtifactKind } from '../artifact'

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v)
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])

function rules(doc: Json): string[] {
  const groups = doc.groups
  if (!Array.isArray(groups) || groups.length === 0) return ['"groups" must be a non-empty list']
  return groups.flatMap((g, i) => {
    if (!isObject(g) || typeof g.name !== 'string' || !Array.isArray(g.rules))
      return [`group ${i + 1} needs a name and rules`]
    return g.rules.flatMap((r, j) => {
      const where = `${g.name} rule ${j + 1}`
      if (!isObject(r) || typeof r.expr !== 'string' || !r.expr) return [`${where}: missing expr`]
      if (typeof r.alert === typeof r.record) return [`${where}: needs exactly one of alert and record`]
      if (typeof r.alert !== 'string') return []
      const labels = isObject(r.labels) ? r.labels : {}
      const notes = isObject(r.annotations) ? r.annotations : {}
      return ['summary', 'description', 'runbook_url']
        .filter((k) => typeof notes[k] !== 'string')
        .map((k) => `${where} (${r.alert}): annotation ${k} missing`)
        .concat(typeof labels.severity === 'string' ? [] : [`${where} (${r.alert}): label severity missing`])
    })
  })
}

function ruleTests(doc: Json): string[] {
  const problems: string[] = []
  if (list(doc.rule_files).length === 0) problems.push('"rule_files" must list the rule files under test')
  const tests = list(doc.tests)
  if (tests.length === 0) problems.push('"tests" must not be empty')
  tests.forEach((t, i) => {
    if (!isObject(t) || !Array.isArray(t.alert_rule_test))
      problems.push(`test ${i + 1}: alert_rule_test missing`)
  })
  return problems
}

const SD_ROLES = new Set(['pod', 'endpoints', 'endpointslice', 'service', 'node', 'ingress'])

function kubernetesSd(job: Json): string[] {
  return list(job.kubernetes_sd_configs).flatMap((sd, i) => {
    const where = `${String(job.job_name)} kubernetes_sd_configs[${i}]`
    if (!isObject(sd) || typeof sd.role !== 'string' || !SD_ROLES.has(sd.role))
      return [`${where}: role must be one of ${[...SD_ROLES].join(', ')}`]
    const names = isObject(sd.namespaces) ? list(sd.namespaces.names) : []
    return names.length > 0 && names.every((n) => typeof n === 'string')
      ? []
      : [`${where}: namespaces.names must list namespaces`]
  })
}

function scrape(doc: Json): string[] {
  const jobs = list(doc.scrape_configs)
  if (jobs.length === 0) return ['"scrape_configs" must not be empty']
  const names = jobs.map((j) => (isObject(j) ? j.job_name : undefined))
  if (names.some((n) => typeof n !== 'string')) return ['every scrape config needs a job_name']
  if (new Set(names).size !== names.length) return ['job names must be unique']
  return jobs.flatMap((j) => kubernetesSd(j as Json))
}

/**
 * The scrape config with Kubernetes service discovery swapped for a static target, for promtool
 * builds without Kubernetes discovery (Debian's): everything else still gets promtool's check,
 * and the discovery blocks are checked structurally above.
 */
export function withoutKubernetesSd(doc: unknown): unknown {
  if (!isObject(doc)) return doc
  const jobs = list(doc.scrape_configs).map((j) => {
    if (!isObject(j) || !('kubernetes_sd_configs' in j)) return j
    const { kubernetes_sd_configs: _, ...rest } = j
    return { ...rest, static_configs: [{ targets: ['localhost:9090'] }] }
  })
  return { ...doc, scrape_configs: jobs }
}

function routeReceivers(route: unknown): string[] {
  if (!isObject(route)) return []
  return [
    ...(typeof route.receiver === 'string' ? [route.receiver] : []),
    ...list(route.routes).flatMap(routeReceivers),
  ]
}

function alertmanager(doc: Json): string[] {
  const receivers = new Set(list(doc.receivers).map((r) => (isObject(r) ? r.name : undefined)))
  if (!isObject(doc.route) || typeof doc.route.receiver !== 'string')
    return ['the root route needs a receiver']
  return routeReceivers(doc.route)
    .filter((name) => !receivers.has(name))
    .map((name) => `route uses receiver "${name}", which is not defined`)
}

/** Structural checks of a parsed monitoring artifact: what the tools would reject first, without them. */
export function checkStructure(kind: ArtifactKind, doc: unknown): string[] {
  if (!isObject(doc)) return ['the document is not a mapping']
  switch (kind) {
    case 'prometheus-rules':
      return rules(doc)
    case 'prometheus-rule-tests':
      return ruleTests(doc)
    case 'prometheus-scrape-config':
      return scrape(doc)
    case 'alertmanager-config':
      return alertmanager(doc)
    case 'grafana-dashboard': {
      const result = dashboardSchema.safeParse(doc)
      return result.success
        ? []
        : result.error.issues.map((i) => `${i.path.join('.') || '(dashboard)'}: ${i.message}`)
    }
    default:
      return [`not a monitoring artifact kind: ${kind}`]
  }
}
