import * as z from 'zod'
import { DATA_CATEGORY_NAMES } from '../categories'
import { FIDESLANG_TAXONOMY } from '../fideslang'
import { LEGAL_BASES } from '../legal-bases'
import { bytes, dnsLabel, duration, label, percent, positiveDuration } from '../units'
import { strictObject } from './strict-object'

const pgRole = z
  .string()
  .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'expected a plain PostgreSQL role name such as verticals_app')

const fieldName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected a field name such as email or sessionNotes')

const postgresSchema = strictObject({
  engineVersion: z.string().regex(/^\d+(\.\d+)?$/, 'expected a PostgreSQL major version such as 16'),
  instanceClass: z
    .string()
    .regex(/^db\.[a-z0-9]+\.[a-z0-9]+$/, 'expected an RDS instance class such as db.r6g.2xlarge'),
  storage: bytes,
  maxStorage: bytes.optional().register(z.globalRegistry, {
    description:
      'Storage autoscaling ceiling (RDS max_allocated_storage): at least 10% above storage. Omit to keep storage fixed.',
  }),
  freeStorageAlarm: percent.prefault('10%').register(z.globalRegistry, {
    description: 'Alarm when free storage falls below this share of storage (autoscaling grows it at 10%).',
  }),
  freeMemoryAlarm: bytes.prefault('512Mi').register(z.globalRegistry, {
    description: 'Alarm when the instance has less freeable memory than this.',
  }),
  multiAz: z.boolean(),
  backupRetention: positiveDuration,
  performanceInsights: z.boolean(),
  maxConnections: z.number().int().positive(),
  pool: strictObject({
    max: z
      .number()
      .int()
      .positive()
      .register(z.globalRegistry, { description: 'Connections per service pool.' }),
    alarmAt: z
      .number()
      .int()
      .positive()
      .register(z.globalRegistry, { description: 'Alert when this many connections are in use.' }),
  }),
  slowQuery: positiveDuration.describe('A query slower than this counts as slow.'),
  fastQueryTarget: percent.describe('Share of queries that must be faster than slowQuery.'),
  roles: strictObject({
    owner: pgRole.default('verticals_owner').register(z.globalRegistry, {
      description: 'Owns the platform schema, its tables and functions; migrations run as it.',
    }),
    app: pgRole.default('verticals_app').register(z.globalRegistry, {
      description: 'The services connect as (or as a member of) this role: INSERT and SELECT on ledgers.',
    }),
    provision: z.enum(['create', 'expect']).default('create').register(z.globalRegistry, {
      description:
        'create: migrations create missing roles (NOLOGIN); expect: they must exist (managed databases).',
    }),
  })
    .prefault({})
    .register(z.globalRegistry, {
      description: 'PostgreSQL roles: the application role cannot UPDATE, DELETE or TRUNCATE ledgers.',
    }),
})

const redisSchema = strictObject({
  nodeType: z
    .string()
    .regex(/^cache\.[a-z0-9]+\.[a-z0-9]+$/, 'expected an ElastiCache node type such as cache.r6g.large'),
  nodes: z.number().int().positive().register(z.globalRegistry, {
    description:
      'Nodes of the replication group: 1 to 6 without cluster mode (a primary and up to 5 replicas); with cluster, shards × (1 + replicasPerShard).',
  }),
  cluster: strictObject({
    shards: z.number().int().min(1).max(500).register(z.globalRegistry, {
      description: 'Node groups (shards); the 16,384 hash slots are spread over them.',
    }),
    replicasPerShard: z
      .number()
      .int()
      .min(0)
      .max(5)
      .register(z.globalRegistry, { description: 'Replicas of each shard’s primary (0 to 5).' }),
  })
    .optional()
    .register(z.globalRegistry, {
      description:
        'Cluster mode (Redis Cluster): keys are sharded over node groups, and services connect through the configuration endpoint with a cluster client. Without it, one primary with replicas.',
    }),
  automaticFailover: z.boolean(),
  encryptionAtRest: z.boolean(),
  // The AUTH token, and the personal data the cache holds, travel only over TLS: not a choice.
  encryptionInTransit: z.literal(true, {
    error: 'must be true: the Redis AUTH token and the cached personal data travel only over TLS (rediss://)',
  }),
  evictionPolicy: z.enum(['allkeys-lru', 'volatile-lru', 'allkeys-lfu', 'volatile-lfu', 'noeviction']),
  hitRateTarget: percent,
})

// A shared store sizes itself; engine, pools, roles, encryption and targets stay platform-wide.
const sharedStoreSchema = strictObject({
  postgres: postgresSchema
    .pick({
      instanceClass: true,
      storage: true,
      maxStorage: true,
      multiAz: true,
      backupRetention: true,
      performanceInsights: true,
      maxConnections: true,
    })
    .partial()
    .optional()
    .register(z.globalRegistry, {
      description:
        'A PostgreSQL instance the member verticals share; unset fields come from dataStores.postgres.',
    }),
  redis: redisSchema
    .pick({ nodeType: true, nodes: true, cluster: true, automaticFailover: true })
    .partial()
    .optional()
    .register(z.globalRegistry, {
      description:
        'A Redis replication group the member verticals share; unset fields come from dataStores.redis.',
    }),
})

export const dataStoresSchema = strictObject({
  postgres: postgresSchema,
  redis: redisSchema,
  shared: z.record(dnsLabel, sharedStoreSchema).default({}).register(z.globalRegistry, {
    description:
      'Named data stores that several verticals share (verticals.<v>.dataStores): each is created once, and each member keeps its own PostgreSQL schema and role and its own Redis key prefix.',
  }),
})

export const dataClassSchema = strictObject({
  category: z
    .enum(DATA_CATEGORY_NAMES, {
      error: `expected a fideslang ${FIDESLANG_TAXONOMY.version} data category such as user.contact or user.health`,
    })
    .register(z.globalRegistry, {
      description: `A data category key of the fideslang ${FIDESLANG_TAXONOMY.version} taxonomy.`,
    }),
  description: label,
  fields: z.array(fieldName).default([]).register(z.globalRegistry, {
    description: 'Field names that carry this data: redacted from logs, erased on request.',
  }),
  storage: z.array(z.enum(['postgres', 'redis', 'object-storage', 'cdn'])).default(['postgres']),
  recordClass: z
    .string()
    .optional()
    .register(z.globalRegistry, { description: 'Retention record class of the rows that hold this data.' }),
})

export const cacheSchema = strictObject({
  ttl: z.record(z.string(), duration).register(z.globalRegistry, {
    description: 'Redis TTL per data class. A class not listed here is never cached; 0s says so explicitly.',
  }),
  cdnTtl: z
    .record(z.string(), duration)
    .default({})
    .register(z.globalRegistry, { description: 'CDN TTL per data class.' }),
  timeout: positiveDuration.prefault('50ms').register(z.globalRegistry, {
    description: 'A Redis call slower than this counts as a failure (the cache fails open).',
  }),
  jitter: percent.prefault('10%').register(z.globalRegistry, {
    description: 'TTLs are shortened by up to this share so keys do not expire together.',
  }),
  maxValueSize: bytes
    .prefault('512Ki')
    .register(z.globalRegistry, { description: 'Values larger than this are served but not cached.' }),
  circuitBreaker: strictObject({
    failures: z.number().int().positive().default(5),
    cooldown: positiveDuration.prefault('30s'),
  }).prefault({}),
})

export const purposeSchema = strictObject({
  description: label,
  legalBasis: z.enum(LEGAL_BASES).register(z.globalRegistry, {
    description:
      'The basis the processing rests on; special-category data allows only the bases each declared law names (health-care: Ley 25.326 art. 8, LGPD art. 11 II f, GDPR art. 9(2)(h)).',
  }),
  explicit: z.boolean().default(false).register(z.globalRegistry, {
    description: 'Requires explicit (opt-in, specific) consent: mandatory for special categories.',
  }),
  validity: duration
    .optional()
    .register(z.globalRegistry, { description: 'How long a grant lasts before it must be renewed.' }),
  reconsentOnTextChange: z.boolean().default(false).register(z.globalRegistry, {
    description: 'Grants given under an older consent.textVersion no longer allow processing (text-changed).',
  }),
  dataClasses: z.array(z.string()).min(1),
})

export const consentSchema = strictObject({
  maxValidity: duration.describe('No purpose may ask for consent that lasts longer than this.'),
  textVersion: z.string().min(1).max(64).register(z.globalRegistry, {
    description: 'Version of the consent text users see; stored with each grant.',
  }),
  purposes: z.record(z.string(), purposeSchema).default({}),
})

export const retentionDutySchema = strictObject({
  minimum: positiveDuration.describe('The law requires records of this class to be kept at least this long.'),
  countedFrom: z.enum(['creation', 'last-entry']).default('creation').register(z.globalRegistry, {
    description:
      "creation: each row from its own creation; last-entry: every row of a subject's record from the subject's newest row of the class.",
  }),
  source: label.describe('The law that imposes the duty, e.g. Ley 26.529 art. 18.'),
})

export const recordClassSchema = strictObject({
  keep: positiveDuration.describe('How long records of this class are kept.'),
  action: z.enum(['delete', 'anonymize']).default('delete'),
  description: label,
  duty: retentionDutySchema.optional().register(z.globalRegistry, {
    description:
      'A legal duty to keep these records: it overrides erasure until it ends (GDPR art. 17(3)(b)).',
  }),
  source: label.optional().register(z.globalRegistry, {
    description:
      'Why records are kept this long (a law, or the controller’s policy); printed in the records of processing.',
  }),
})

export const retentionSchema = strictObject({
  batchSize: z.number().int().min(1).max(100_000).default(5000),
  runEvery: positiveDuration
    .prefault('24h')
    .register(z.globalRegistry, { description: 'How often the retention job runs.' }),
  recordClasses: z.record(z.string(), recordClassSchema),
})

export const dsrSchema = strictObject({
  deadlines: strictObject({
    access: positiveDuration,
    rectification: positiveDuration,
    erasure: positiveDuration,
  }),
  warnAt: percent
    .prefault('75%')
    .register(z.globalRegistry, { description: 'Alert when this share of a request’s deadline has passed.' }),
})

export const auditSchema = strictObject({
  anchor: strictObject({
    every: positiveDuration.prefault('1h').register(z.globalRegistry, {
      description: 'How often each service anchors its audit chain heads outside the database.',
    }),
    retention: positiveDuration.prefault('10y').register(z.globalRegistry, {
      description: 'Object Lock retention (compliance mode) of every anchor in the anchor bucket.',
    }),
  }).prefault({}),
})
