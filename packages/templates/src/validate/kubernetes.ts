import { parseAllDocuments } from 'yaml'
import type { Artifact } from '../artifact'
import { scaledObjectSchema } from './keda'
import { KUBERNETES_MODELS } from './kubernetes-models'

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Validates one Kubernetes object: kubernetes-models for built-in kinds, a zod schema for KEDA. */
export function validateKubernetesObject(object: unknown): string[] {
  if (!object || typeof object !== 'object' || Array.isArray(object)) return ['a document is not an object']
  const { apiVersion, kind } = object as { apiVersion?: unknown; kind?: unknown }
  const id = `${String(apiVersion)}/${String(kind)}`
  if (id === 'keda.sh/v1alpha1/ScaledObject') {
    const result = scaledObjectSchema.safeParse(object)
    return result.success ? [] : result.error.issues.map((i) => `${id}: ${i.path.join('.')}: ${i.message}`)
  }
  const Model = KUBERNETES_MODELS[id]
  if (!Model) return [`${id}: no validator for this kind`]
  try {
    new Model(object as never).validate()
    return []
  } catch (error) {
    return [`${id}: ${describe(error)}`]
  }
}

/** Parses every YAML document of a Kubernetes artifact and validates each object with kubernetes-models. */
export async function validateKubernetes(artifact: Artifact): Promise<string[]> {
  const documents = parseAllDocuments(artifact.content, { uniqueKeys: true })
  if (documents.length === 0) return ['the file holds no YAML documents']
  const problems: string[] = []
  documents.forEach((doc, index) => {
    for (const error of doc.errors) problems.push(`document ${index + 1}: ${error.message}`)
    if (doc.errors.length > 0) return
    for (const problem of validateKubernetesObject(doc.toJS()))
      problems.push(`document ${index + 1}: ${problem}`)
  })
  return problems
}
