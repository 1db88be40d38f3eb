import * as z from 'zod'

// A kustomization.yaml is read by kustomize, not stored by the API server, so no Kubernetes model
// covers it. This is kustomize's own Kustomization type (sigs.k8s.io/kustomize/api/types, kustomize
// v5), whose loader rejects unknown fields (DisallowUnknownFields): every top-level field, and the
// nested types of the ones a generated bundle may use, are strict; the rest are left unchecked.

const strings = z.array(z.string())
const stringMap = z.record(z.string(), z.string())
const selector = z.strictObject({
  group: z.string().optional(),
  version: z.string().optional(),
  kind: z.string().optional(),
  name: z.string().optional(),
  namespace: z.string().optional(),
  labelSelector: z.string().optional(),
  annotationSelector: z.string().optional(),
})
const generatorOptions = z.strictObject({
  labels: stringMap.optional(),
  annotations: stringMap.optional(),
  disableNameSuffixHash: z.boolean().optional(),
  immutable: z.boolean().optional(),
})
const generator = {
  name: z.string().optional(),
  namespace: z.string().optional(),
  behavior: z.enum(['create', 'replace', 'merge']).optional(),
  literals: strings.optional(),
  files: strings.optional(),
  envs: strings.optional(),
  env: z.string().optional(),
  options: generatorOptions.optional(),
}
const image = z.strictObject({
  name: z.string(),
  newName: z.string().optional(),
  newTag: z.string().optional(),
  digest: z.string().optional(),
  tagSuffix: z.string().optional(),
})
const patch = z.strictObject({
  path: z.string().optional(),
  patch: z.string().optional(),
  target: selector.optional(),
  options: z.record(z.string(), z.boolean()).optional(),
})
const unchecked = z.unknown().optional()

/** kustomize.config.k8s.io/v1beta1 Kustomization, strict as kustomize's loader is. */
export const kustomizationSchema = z.strictObject({
  apiVersion: z.literal('kustomize.config.k8s.io/v1beta1'),
  kind: z.literal('Kustomization'),
  metadata: z
    .strictObject({
      name: z.string().optional(),
      namespace: z.string().optional(),
      labels: stringMap.optional(),
      annotations: stringMap.optional(),
    })
    .optional(),
  openapi: stringMap.optional(),
  namePrefix: z.string().optional(),
  nameSuffix: z.string().optional(),
  namespace: z.string().optional(),
  commonLabels: stringMap.optional(),
  labels: z
    .array(
      z.strictObject({
        pairs: stringMap,
        includeSelectors: z.boolean().optional(),
        includeTemplates: z.boolean().optional(),
        fields: unchecked,
      }),
    )
    .optional(),
  commonAnnotations: stringMap.optional(),
  patchesStrategicMerge: strings.optional(),
  patchesJson6902: z.array(patch).optional(),
  patches: z.array(patch).optional(),
  images: z.array(image).optional(),
  imageTags: z.array(image).optional(),
  replacements: unchecked,
  replicas: z.array(z.strictObject({ name: z.string(), count: z.number().int().min(0) })).optional(),
  vars: unchecked,
  sortOptions: unchecked,
  resources: strings.optional(),
  components: strings.optional(),
  crds: strings.optional(),
  bases: strings.optional(),
  configMapGenerator: z.array(z.strictObject(generator)).optional(),
  secretGenerator: z.array(z.strictObject({ ...generator, type: z.string().optional() })).optional(),
  helmGlobals: unchecked,
  helmCharts: unchecked,
  helmChartInflationGenerator: unchecked,
  generatorOptions: generatorOptions.optional(),
  configurations: strings.optional(),
  generators: strings.optional(),
  transformers: strings.optional(),
  validators: strings.optional(),
  inventory: unchecked,
  buildMetadata: strings.optional(),
})
