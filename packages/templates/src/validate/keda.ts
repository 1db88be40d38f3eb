import * as z from 'zod'

// kubernetes-models has no KEDA CRDs, so the ScaledObject is checked against this schema of the fields
// we generate (keda.sh/v1alpha1, KEDA 2.x): unknown keys are errors, as the CRD's structural schema makes them.
const trigger = z.strictObject({
  type: z.enum(['cpu', 'memory', 'cron', 'prometheus']),
  name: z.string().min(1).optional(),
  metricType: z.enum(['Utilization', 'AverageValue', 'Value']).optional(),
  metadata: z.record(z.string(), z.string()),
})

const policy = z.strictObject({
  stabilizationWindowSeconds: z.number().int().min(0).max(3600),
  selectPolicy: z.enum(['Max', 'Min', 'Disabled']),
  policies: z
    .array(
      z.strictObject({
        type: z.enum(['Pods', 'Percent']),
        value: z.number().int().positive(),
        periodSeconds: z.number().int().positive().max(1800),
      }),
    )
    .min(1),
})

const CRON_FIELDS = 5
const cronMetadata = z.object({
  timezone: z.string().min(1),
  start: z
    .string()
    .refine((s) => s.trim().split(/\s+/).length === CRON_FIELDS, 'expected a five-field cron expression'),
  end: z
    .string()
    .refine((s) => s.trim().split(/\s+/).length === CRON_FIELDS, 'expected a five-field cron expression'),
  desiredReplicas: z.string().regex(/^\d+$/),
})

/** The structure of a KEDA ScaledObject as generated, with the per-type trigger metadata KEDA requires. */
export const scaledObjectSchema = z
  .strictObject({
    apiVersion: z.literal('keda.sh/v1alpha1'),
    kind: z.literal('ScaledObject'),
    metadata: z.strictObject({
      name: z.string().min(1),
      namespace: z.string().min(1),
      labels: z.record(z.string(), z.string()).optional(),
    }),
    spec: z.strictObject({
      scaleTargetRef: z.strictObject({ apiVersion: z.string(), kind: z.string(), name: z.string().min(1) }),
      minReplicaCount: z.number().int().min(0),
      maxReplicaCount: z.number().int().positive(),
      advanced: z
        .strictObject({
          horizontalPodAutoscalerConfig: z.strictObject({
            name: z.string().min(1).optional(),
            behavior: z.strictObject({ scaleUp: policy, scaleDown: policy }).partial().optional(),
          }),
        })
        .optional(),
      triggers: z.array(trigger).min(1),
    }),
  })
  .superRefine((value, ctx) => {
    if (value.spec.minReplicaCount > value.spec.maxReplicaCount)
      ctx.addIssue({ code: 'custom', path: ['spec'], message: 'minReplicaCount exceeds maxReplicaCount' })
    value.spec.triggers.forEach((t, i) => {
      const path = ['spec', 'triggers', i, 'metadata']
      const need = (keys: string[]) => {
        for (const key of keys)
          if (!(key in t.metadata))
            ctx.addIssue({ code: 'custom', path, message: `${t.type} trigger needs metadata.${key}` })
      }
      if (t.type === 'cpu' || t.type === 'memory') need(['value'])
      if (t.type === 'prometheus') need(['serverAddress', 'query', 'threshold'])
      if (t.type === 'cron') {
        const result = cronMetadata.safeParse(t.metadata)
        if (!result.success) {
          for (const issue of result.error.issues) {
            ctx.addIssue({
              code: 'custom',
              path: [...path, ...issue.path.map(String)],
              message: issue.message,
            })
          }
        } else if (Number(result.data.desiredReplicas) > value.spec.maxReplicaCount) {
          // KEDA would cap it silently: the schedule would ask for capacity the workload never gets.
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'desiredReplicas'],
            message: 'desiredReplicas exceeds maxReplicaCount',
          })
        }
      }
    })
  })
