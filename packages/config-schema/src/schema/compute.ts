import * as z from 'zod'
import {
  clockTime,
  cpu,
  duration,
  bytes as memory,
  percent,
  positiveDuration,
  timeZone,
  weekday,
} from '../units'
import { strictObject } from './strict-object'

/** The numeric user and group containers run as unless compute.runAs says otherwise (images' USER). */
export const DEFAULT_RUN_AS = { user: 10001, group: 10001 } as const

// Non-root: Pod Security Admission `restricted` refuses uid 0; Linux ids are 31-bit in Kubernetes.
const linuxId = z.number().int().min(1).max(2_147_483_647)

export const resourcesSchema = strictObject({
  requests: strictObject({
    cpu,
    memory,
    ephemeralStorage: memory.prefault('256Mi').register(z.globalRegistry, {
      description: 'Node disk guaranteed to each pod: its writable /tmp and its container logs.',
    }),
  }),
  limits: strictObject({
    cpu,
    memory,
    ephemeralStorage: memory
      .prefault('1Gi')
      .register(z.globalRegistry, { description: 'Node disk a pod may use before the kubelet evicts it.' }),
  }),
})

const probeSchema = strictObject({
  path: z.string().regex(/^\/[A-Za-z0-9._~/-]*$/, 'expected an HTTP path such as /health'),
  initialDelay: duration,
  period: positiveDuration,
  timeout: positiveDuration.prefault('1s'),
  failureThreshold: z.number().int().positive().default(3),
})

export const probesSchema = strictObject({ liveness: probeSchema, readiness: probeSchema })

const scalingPolicy = strictObject({
  stabilizationWindow: duration,
  pods: z
    .number()
    .int()
    .positive()
    .register(z.globalRegistry, { description: 'At most this many pods added or removed per period.' }),
  period: positiveDuration,
})

export const autoscalingSchema = strictObject({
  minReplicas: z.number().int().positive(),
  maxReplicas: z.number().int().positive(),
  cpuUtilization: percent,
  memoryUtilization: percent,
  scaleUp: scalingPolicy,
  scaleDown: scalingPolicy,
})

// partial() keeps the object's shared catchall: unknown keys are still refused.
export const autoscalingOverrideSchema = autoscalingSchema.partial()

const timeRange = strictObject({ start: clockTime, end: clockTime })

export const scheduleSchema = strictObject({
  timeZone: timeZone.describe('IANA time zone of the business hours.'),
  businessHours: strictObject({ days: z.array(weekday).min(1), start: clockTime, end: clockTime }),
  peaks: z
    .array(timeRange)
    .default([])
    .register(z.globalRegistry, { description: 'Daily peaks; capacity is raised ahead of each.' }),
  leadTime: duration.describe('How long before business hours and peaks the minimum is raised.'),
  businessMinReplicas: z
    .number()
    .int()
    .positive()
    .register(z.globalRegistry, { description: 'HPA minimum during business hours.' }),
  peakMinReplicas: z
    .number()
    .int()
    .positive()
    .register(z.globalRegistry, { description: 'HPA minimum during peaks.' }),
})

export const computeSchema = strictObject({
  image: strictObject({
    registry: z
      .string()
      .regex(/^[a-z0-9.-]+(:\d+)?(\/[a-z0-9._-]+)*$/, 'expected an image registry path such as ghcr.io/acme'),
    tag: z
      .string()
      .regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/, 'expected an image tag such as 1.4.2')
      .refine(
        (tag) => tag !== 'latest',
        'the tag "latest" is refused: pin a version so rollouts are reproducible',
      ),
  }),
  port: z
    .number()
    .int()
    .min(1024)
    .max(65535)
    .default(8080)
    .register(z.globalRegistry, { description: 'Container port (unprivileged).' }),
  resources: resourcesSchema,
  runAs: strictObject({
    user: linuxId.default(DEFAULT_RUN_AS.user),
    group: linuxId.default(DEFAULT_RUN_AS.group),
  })
    .prefault({})
    .register(z.globalRegistry, {
      description: 'Numeric user and group of every container; the image must run as them (its USER).',
    }),
  tmpSize: memory.prefault('512Mi').register(z.globalRegistry, {
    description: 'Size limit of the writable /tmp (an emptyDir); at most resources.limits.ephemeralStorage.',
  }),
  priority: z.number().int().min(0).max(1_000_000_000).default(100_000).register(z.globalRegistry, {
    description: 'Value of the PriorityClass of every workload (user-defined classes go up to 1e9).',
  }),
  probes: probesSchema,
  rollingUpdate: strictObject({
    maxSurge: z.number().int().nonnegative(),
    maxUnavailable: z.number().int().nonnegative(),
  }),
  autoscaling: autoscalingSchema,
  schedule: scheduleSchema,
})

export const workloadSchema = strictObject({
  kind: z.enum(['http', 'worker']).default('http'),
  description: z.string().max(200).optional(),
  autoscaling: autoscalingOverrideSchema.optional(),
  queueDepthTarget: z.number().int().positive().optional().register(z.globalRegistry, {
    description: 'Workers scale on queue depth: the target number of queued jobs per replica.',
  }),
  scrapeInterval: positiveDuration
    .optional()
    .register(z.globalRegistry, { description: 'Overrides monitoring.scrapeInterval for this workload.' }),
  schedule: strictObject({
    businessMinReplicas: z.number().int().positive().optional(),
    peakMinReplicas: z.number().int().positive().optional(),
  })
    .optional()
    .register(z.globalRegistry, {
      description: 'Overrides the scheduled minimums of compute.schedule for this workload.',
    }),
})
