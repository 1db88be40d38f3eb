import { parseAllDocuments } from 'yaml'
import type * as z from 'zod'
import type { Artifact } from '../artifact'
import { scaledObjectSchema } from './keda'
import { findModel } from './kubernetes-models'
import { kustomizationSchema } from './kustomization'
import { validateStrictly } from './unknown-fields'

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error))

// API versions a package still models but current controllers no longer serve.
const UNSERVED: Readonly<Record<string, string>> = {
  'external-secrets.io/v1beta1':
    'External Secrets Operator stopped serving external-secrets.io/v1beta1 in 0.17; use external-secrets.io/v1',
}

// Rules on top of the structure: a zod schema's issues, prefixed with the document's id.
const EXTRA_RULES: Readonly<Record<string, z.ZodType>> = {
  'keda.sh/v1alpha1/ScaledObject': scaledObjectSchema,
}

// An unknown key reads as the strict model check words it, whichever checker found it.
function zodProblems(id: string, schema: z.ZodType, object: unknown): string[] {
  const result = schema.safeParse(object)
  if (result.success) return []
  return result.error.issues.flatMap((i) =>
    i.code === 'unrecognized_keys'
      ? i.keys.map((key) => `${id}: unknown field "${[...i.path, key].join('.')}"`)
      : [`${id}: ${i.path.length > 0 ? `${i.path.join('.')}: ` : ''}${i.message}`],
  )
}

/**
 * Validates one Kubernetes object strictly: kubernetes-models (built-in kinds, KEDA and External
 * Secrets CRDs) for types, formats and required fields, plus every field its schema does not
 * declare, as `kubeconform -strict` rejects them; a kustomization.yaml by kustomize's own type.
 */
export async function validateKubernetesObject(object: unknown): Promise<string[]> {
  if (!object || typeof object !== 'object' || Array.isArray(object)) return ['a document is not an object']
  const { apiVersion, kind } = object as { apiVersion?: unknown; kind?: unknown }
  const id = `${String(apiVersion)}/${String(kind)}`
  if (id === 'kustomize.config.k8s.io/v1beta1/Kustomization')
    return zodProblems(id, kustomizationSchema, object)
  const unserved = UNSERVED[String(apiVersion)]
  if (unserved) return [`${id}: ${unserved}`]
  const Model =
    typeof apiVersion === 'string' && typeof kind === 'string' && (await findModel(apiVersion, kind))
  if (!Model) return [`${id}: no validator for this kind`]
  const { error, unknown } = validateStrictly((data) => Model.prototype.validate.call(data), object)
  const problems = error === undefined ? [] : [`${id}: ${describe(error)}`]
  for (const path of unknown) problems.push(`${id}: unknown field "${path}"`)
  const extra = EXTRA_RULES[id]
  return extra ? [...problems, ...zodProblems(id, extra, object)] : problems
}

/** Parses every YAML document of a Kubernetes artifact and validates each object strictly. */
export async function validateKubernetes(artifact: Artifact): Promise<string[]> {
  const documents = parseAllDocuments(artifact.content, { uniqueKeys: true })
  if (documents.length === 0) return ['the file holds no YAML documents']
  const problems: string[] = []
  for (const [index, doc] of documents.entries()) {
    for (const error of doc.errors) problems.push(`document ${index + 1}: ${error.message}`)
    if (doc.errors.length > 0) continue
    for (const problem of await validateKubernetesObject(doc.toJS()))
      problems.push(`document ${index + 1}: ${problem}`)
  }
  return problems
}
