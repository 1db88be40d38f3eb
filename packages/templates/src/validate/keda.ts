import * as z from 'zod'

// What the KEDA CRD's schema (checked through @kubernetes-models/keda) cannot say about a
// ScaledObject: the metadata each trigger type needs, and replica counts that agree (keda.sh/v1alpha1,
// KEDA 2.x). The structure itself, unknown fields included, is the CRD model's job.
const CRON_FIELDS = 5
const cronExpression = z
  .string()
  .refine((s) => s.trim().split(/\s+/).length === CRON_FIELDS, 'expected a five-field cron expression')
const cronMetadata = z.object({
  timezone: z.string().min(1),
  start: cronExpression,
  end: cronExpression,
  desiredReplicas: z.string().regex(/^\d+$/),
})
const trigger = z.looseObject({ type: z.string(), metadata: z.record(z.string(), z.string()).optional() })

/** The parts of a ScaledObject these rules read; everything else passes through. */
export const scaledObjectSchema = z
  .looseObject({
    spec: z.looseObject({
      minReplicaCount: z.number().int().min(0).optional(),
      maxReplicaCount: z.number().int().positive().optional(),
      triggers: z.array(trigger).min(1),
    }),
  })
  .superRefine((value, ctx) => {
    const { minReplicaCount = 0, maxReplicaCount = 100 } = value.spec // KEDA's defaults
    if (minReplicaCount > maxReplicaCount)
      ctx.addIssue({ code: 'custom', path: ['spec'], message: 'minReplicaCount exceeds maxReplicaCount' })
    value.spec.triggers.forEach((t, i) => {
      const path = ['spec', 'triggers', i, 'metadata']
      const metadata = t.metadata ?? {}
      const need = (keys: string[]) => {
        for (const key of keys)
          if (!(key in metadata))
            ctx.addIssue({ code: 'custom', path, message: `${t.type} trigger needs metadata.${key}` })
      }
      if (t.type === 'cpu' || t.type === 'memory') need(['value'])
      if (t.type === 'prometheus') need(['serverAddress', 'query', 'threshold'])
      if (t.type !== 'cron') return
      const result = cronMetadata.safeParse(metadata)
      if (!result.success) {
        for (const issue of result.error.issues)
          ctx.addIssue({ code: 'custom', path: [...path, ...issue.path.map(String)], message: issue.message })
      } else if (Number(result.data.desiredReplicas) > maxReplicaCount) {
        // KEDA would cap it silently: the schedule would ask for capacity the workload never gets.
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'desiredReplicas'],
          message: 'desiredReplicas exceeds maxReplicaCount',
        })
      }
    })
  })
