// Test support: the parsed Kubernetes documents of a vertical. Not exported from the package.
import type { ResolvedPlatform } from '@verticals/config-schema'
import { parseAllDocuments } from 'yaml'
import { buildAll } from '../testing'

/** A parsed Kubernetes object, loosely typed: the assertions check its shape. */
export type Doc = {
  apiVersion: string
  kind: string
  metadata: {
    name: string
    namespace?: string
    labels?: Record<string, string>
    annotations?: Record<string, string>
  }
  // biome-ignore lint/suspicious/noExplicitAny: tests walk parsed YAML whose shape the assertions check
  spec?: Record<string, any>
  data?: Record<string, string>
}

/** Every Kubernetes document generated for one vertical of the platform. */
export function kubernetesDocs(platform: ResolvedPlatform, vertical: string): Doc[] {
  const artifacts = buildAll(platform).filter((a) => a.kind === 'kubernetes' && a.vertical === vertical)
  return artifacts.flatMap((a) => parseAllDocuments(a.content).map((d) => d.toJS() as Doc))
}

/** The document of a kind and name; throws when there is none. */
export function findDoc(docs: Doc[], kind: string, name: string): Doc {
  const doc = docs.find((d) => d.kind === kind && d.metadata.name === name)
  if (!doc) throw new Error(`no ${kind} ${name}`)
  return doc
}

/** The Deployments of the vertical's own workloads (the exporters beside them run other images). */
export function workloadDeployments(docs: Doc[]): Doc[] {
  return docs.filter(
    (d) => d.kind === 'Deployment' && d.metadata.labels?.['app.kubernetes.io/component'] !== 'exporter',
  )
}
