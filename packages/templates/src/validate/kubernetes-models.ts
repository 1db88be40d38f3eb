// Finds the kubernetes-models class of a document's apiVersion/kind: the built-in API (Kubernetes
// 1.35, kubernetes-models 5.1.0) and the CRDs we emit, KEDA (@kubernetes-models/keda 2.0.0) and
// External Secrets (@kubernetes-models/external-secrets 2.0.0). Each class loads on first use.

/** A model class: validating an object means calling its prototype's `validate` with it as `this`. */
export interface ModelClass {
  readonly apiVersion: string
  readonly kind: string
  readonly prototype: { validate(this: unknown): void }
}

const CRD_PACKAGES: Readonly<Record<string, string>> = {
  'keda.sh': '@kubernetes-models/keda',
  'external-secrets.io': '@kubernetes-models/external-secrets',
}

const API_VERSION = /^(?:([a-z0-9]+(?:[.-][a-z0-9]+)*)\/)?(v[0-9]+(?:(?:alpha|beta)[0-9]+)?)$/
const KIND = /^[A-Z][A-Za-z0-9]*$/

/** The module that holds `kind` of `apiVersion`, or undefined when the pair is not well formed. */
export function modelModule(apiVersion: string, kind: string): string | undefined {
  const match = API_VERSION.exec(apiVersion)
  if (!match || !KIND.test(kind)) return undefined
  const [, group = ''] = match
  return `${CRD_PACKAGES[group] ?? 'kubernetes-models'}/${apiVersion}/${kind}`
}

const loaded = new Map<string, Promise<ModelClass | undefined>>()

async function load(apiVersion: string, kind: string): Promise<ModelClass | undefined> {
  const specifier = modelModule(apiVersion, kind)
  if (!specifier) return undefined
  try {
    const exported = ((await import(specifier)) as Record<string, unknown>)[kind] as ModelClass | undefined
    // Nested types (apps/v1/DeploymentSpec) have modules too; only top-level kinds carry both.
    return exported?.apiVersion === apiVersion && exported.kind === kind ? exported : undefined
  } catch {
    return undefined
  }
}

/** The model of `apiVersion/kind`, loaded once per process; undefined when no package models it. */
export function findModel(apiVersion: string, kind: string): Promise<ModelClass | undefined> {
  const id = `${apiVersion}/${kind}`
  let model = loaded.get(id)
  if (!model) {
    model = load(apiVersion, kind)
    loaded.set(id, model)
  }
  return model
}
