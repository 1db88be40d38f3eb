import * as z from 'zod'
import { AWS_REGIONS } from '../regions'
import {
  bytes,
  clockTime,
  cpu,
  duration,
  label,
  money,
  percent,
  positiveDuration,
  timeZone,
  weekday,
} from '../units'
import { edgeSchema, ipv4Cidr } from './edge'
import { strictObject } from './strict-object'

export const sloSchema = strictObject({
  period: positiveDuration.prefault('30d'),
  availability: percent,
  latencyP95: positiveDuration,
  errorRate: percent,
  mttd: positiveDuration.describe('Mean time to detect.'),
  mttr: positiveDuration.describe('Mean time to recover.'),
})

const severityName = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, 'expected a severity name declared in incidents.severities')
const downAlert = strictObject({ for: duration, severity: severityName })
const thresholdAlert = strictObject({ threshold: percent, for: duration, severity: severityName })

export const alertsSchema = strictObject({
  serviceDown: downAlert,
  postgresDown: downAlert,
  redisDown: downAlert,
  latency: z
    .array(strictObject({ threshold: duration, for: duration, severity: severityName }))
    .min(1)
    .register(z.globalRegistry, { description: 'p95 latency thresholds, each its own alert.' }),
  errorRate: thresholdAlert.describe('Share of 5xx responses.'),
  errorCount: strictObject({
    threshold: z.number().int().positive(),
    window: positiveDuration,
    severity: severityName,
  }),
  cpu: thresholdAlert.describe('Container CPU use as a share of its limit.'),
  memory: thresholdAlert.describe('Container memory use as a share of its limit.'),
  databaseCpu: thresholdAlert.describe(
    'RDS CPU (CloudWatch); its for and severity also apply to the free storage and memory alarms.',
  ),
  poolSaturation: strictObject({ for: duration, severity: severityName }).register(z.globalRegistry, {
    description: 'Fires at dataStores.postgres.pool.alarmAt.',
  }),
  cacheHitRate: strictObject({ for: duration, severity: severityName }).register(z.globalRegistry, {
    description: 'Fires below dataStores.redis.hitRateTarget.',
  }),
  dsrDeadline: strictObject({ severity: severityName, overdueSeverity: severityName }),
  retentionStale: strictObject({ severity: severityName }).register(z.globalRegistry, {
    description: 'Fires when retention has not run for twice retention.runEvery.',
  }),
  paymentSuccess: strictObject({
    for: duration.describe('Window the success share is measured over (and how long it must stay low).'),
    severity: severityName,
    minPayments: z.number().int().positive().default(20).register(z.globalRegistry, {
      description: 'Payment attempts the window must hold before the alert may fire (low-volume guard).',
    }),
  }).register(z.globalRegistry, { description: 'Fires below monitoring.business.paymentSuccessRate.' }),
  auditAnchorStale: strictObject({ severity: severityName }).optional().register(z.globalRegistry, {
    description:
      'Fires when no audit anchor succeeded for twice audit.anchor.every (default: retentionStale).',
  }),
  breachNotification: strictObject({
    before: positiveDuration.prefault('12h').register(z.globalRegistry, {
      description: 'How long before each notification deadline the alert fires.',
    }),
    severity: severityName,
  })
    .optional()
    .register(z.globalRegistry, {
      description:
        'Fires before each breach-notification deadline of an open breach (default: 12h before, at dsrDeadline.overdueSeverity).',
    }),
})

// An exporter the monitoring bundle deploys beside each vertical: its port, image and resources.
const exporterSchema = (repository: string, tag: string) =>
  strictObject({
    port: z.number().int().min(1).max(65535),
    image: strictObject({
      repository: z
        .string()
        .regex(
          /^[a-z0-9.-]+(:\d+)?(\/[a-z0-9._-]+)+$/,
          'expected an image repository such as quay.io/org/name',
        ),
      tag: z
        .string()
        .regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/, 'expected an image tag such as v0.15.0')
        .refine((t) => t !== 'latest', 'the tag "latest" is refused: pin a version'),
    }).prefault({ repository, tag }),
    resources: strictObject({
      requests: strictObject({ cpu: cpu.prefault('50m'), memory: bytes.prefault('64Mi') }).prefault({}),
      limits: strictObject({ cpu: cpu.prefault('250m'), memory: bytes.prefault('128Mi') }).prefault({}),
    }).prefault({}),
  })

export const monitoringSchema = strictObject({
  scrapeInterval: positiveDuration,
  runbookBaseUrl: z
    .string()
    .regex(
      /^https?:\/\/[^\s"'{}#?]+[^/\s"'{}#?]$/,
      'expected an http(s) URL without a trailing slash such as https://runbooks.example.com/turnos',
    )
    .optional()
    .register(z.globalRegistry, {
      description:
        'Where the bundle is published: alerts link <runbookBaseUrl>/<vertical>/runbooks/incident-response.md#<alert>; without it the link is relative to the bundle.',
    }),
  cluster: z
    .string()
    .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/, 'expected a cluster name such as prod-sa-east-1')
    .optional()
    .register(z.globalRegistry, {
      description:
        'The `cluster` external label of Prometheus (default <metadata.name>-<primary region>); `region` is the primary region.',
    }),
  grouping: strictObject({
    wait: positiveDuration.prefault('30s').register(z.globalRegistry, {
      description: 'Alertmanager group_wait: how long a new group waits for more alerts.',
    }),
    interval: positiveDuration.prefault('5m').register(z.globalRegistry, {
      description:
        'Alertmanager group_interval: how long before a changed group (new or resolved alerts) is sent again.',
    }),
  })
    .prefault({})
    .register(z.globalRegistry, { description: 'How Alertmanager batches notifications (its defaults).' }),
  deadMansSwitch: strictObject({
    url: z
      .string()
      .regex(/^https?:\/\/[^\s"'{}]+$/, 'expected an http(s) URL such as https://hc-ping.com/<uuid>')
      .optional()
      .register(z.globalRegistry, {
        description:
          'Webhook of the dead man’s switch service (healthchecks.io, Opsgenie heartbeat, PagerDuty…); without it the Watchdog reaches no one.',
      }),
    repeatInterval: positiveDuration.prefault('1m').register(z.globalRegistry, {
      description: 'How often Alertmanager re-sends the always-firing Watchdog to the dead man’s switch.',
    }),
  })
    .prefault({})
    .register(z.globalRegistry, {
      description:
        'The Watchdog heartbeat: the always-firing alert is sent to this webhook every repeatInterval; the service behind it raises the alarm when heartbeats stop.',
    }),
  retention: positiveDuration.describe('Prometheus retention.'),
  logRetention: positiveDuration,
  exporters: strictObject({
    postgres: exporterSchema('quay.io/prometheuscommunity/postgres-exporter', 'v0.15.0'),
    redis: exporterSchema('docker.io/oliver006/redis_exporter', 'v1.62.0'),
  }),
  business: strictObject({
    paymentSuccessRate: percent,
    providerUtilization: strictObject({ min: percent, max: percent }),
    revenueCurrency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 currency code such as ARS'),
  }),
})

export const severitySchema = strictObject({
  definition: label,
  respondWithin: positiveDuration,
  escalation: z
    .array(z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected a role name such as on-call or cto'))
    .min(1),
})

// Where an escalation role is reached. Secrets (routing keys, API keys, Slack URLs) are never in the
// config: Alertmanager reads them from files of its mounted secret, one per role.
const receiverSchema = z.discriminatedUnion('type', [
  strictObject({ type: z.literal('pagerduty') }).register(z.globalRegistry, {
    description: 'PagerDuty Events v2; routing key in <role>.key.',
  }),
  strictObject({ type: z.literal('opsgenie') }).register(z.globalRegistry, {
    description: 'Opsgenie; API key in <role>.key.',
  }),
  strictObject({
    type: z.literal('webhook'),
    url: z
      .string()
      .regex(/^https?:\/\/[^\s"'{}]+$/, 'expected an http(s) URL such as https://pager.example.com/hook'),
  }).register(z.globalRegistry, { description: 'A generic webhook (Alertmanager webhook payload).' }),
  strictObject({ type: z.literal('slack') }).register(z.globalRegistry, {
    description: 'A Slack channel, a notification only; webhook URL in <role>.url.',
  }),
])
const breachTarget = strictObject({
  within: positiveDuration.optional().register(z.globalRegistry, {
    description: 'Internal target from awareness: the earlier of it and the law’s deadline binds.',
  }),
  addressee: label.optional().register(z.globalRegistry, {
    description: 'Who receives the notification to the authority (name and contact).',
  }),
})

export const incidentsSchema = strictObject({
  breachDetection: positiveDuration.describe('A personal-data breach must be detected within this time.'),
  breachNotification: strictObject({
    AR: breachTarget.optional(),
    BR: breachTarget.optional(),
    EU: breachTarget.optional(),
  })
    .default({})
    .register(z.globalRegistry, {
      description:
        'Per jurisdiction, the internal target and the addressee of breach notifications; the law’s deadlines and sources ship with Verticals (GDPR art. 33: 72 h; LGPD art. 48 with ANPD Resolution 15/2024: three business days; Argentina: none, AAIP Resolution 47/2018 recommends notifying).',
    }),
  severities: z.record(z.string(), severitySchema),
  receivers: z
    .record(
      z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected a role name of incidents.severities.*.escalation'),
      receiverSchema,
    )
    .prefault({})
    .register(z.globalRegistry, {
      description:
        'How each escalation role is reached (default slack). When a severity reaches a pager (pagerduty, opsgenie, webhook), Alertmanager notifies it once and the pager escalates on acknowledgement; later slack roles are told at once, not on a timer.',
    }),
})

export const maintenanceSchema = strictObject({
  timeZone,
  windows: z.record(
    z.string(),
    strictObject({
      days: z.array(weekday).min(1),
      start: clockTime,
      end: clockTime,
      scope: z.enum(['all', 'database']).default('all'),
      severities: z
        .array(
          z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected a severity name declared in incidents.severities'),
        )
        .optional()
        .register(z.globalRegistry, {
          description:
            'Severities the window mutes (default: every severity but the most urgent, so critical alerts always page).',
        }),
      emergencyOnly: z.boolean().default(false),
    }),
  ),
})

const cadence = z.enum(['daily', 'weekly', 'biweekly', 'monthly', 'quarterly', 'yearly'])

export const disasterRecoverySchema = strictObject({
  rto: strictObject({ target: duration, database: duration, application: duration, fullSystem: duration }),
  rpo: strictObject({ database: duration, fileStorage: duration, configuration: duration }),
  tests: strictObject({ databaseFailover: cadence, applicationRecovery: cadence, fullSimulation: cadence }),
})

export const budgetSchema = strictObject({
  monthly: money.describe(
    'The platform’s monthly budget: an account-wide AWS Budget, and the sum every split fits in.',
  ),
  alertThresholds: z.array(percent).min(1),
  enforce: z.enum(['error', 'warn']).default('error').register(z.globalRegistry, {
    description:
      '`verticals validate` holds the estimated monthly cost against the budgets: error fails validation, warn only reports.',
  }),
})

export const securitySchema = strictObject({
  waf: strictObject({
    allowCountries: z
      .array(z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 country code'))
      .min(1),
    rateLimits: z
      .array(
        strictObject({
          path: z.string().regex(/^\/[A-Za-z0-9._~/-]*$/, 'expected a URL path prefix such as /api/'),
          requests: z.number().int().min(10),
          window: positiveDuration,
        }),
      )
      .default([]),
    managedRules: z.array(z.enum(['sql-injection', 'common', 'known-bad-inputs'])).default(['sql-injection']),
  }),
  tls: strictObject({ minVersion: z.enum(['1.2', '1.3']) }),
  headers: strictObject({
    hstsMaxAge: positiveDuration,
    contentSecurityPolicy: label,
    frameOptions: z.enum(['DENY', 'SAMEORIGIN']),
    referrerPolicy: z
      .enum([
        'no-referrer',
        'no-referrer-when-downgrade',
        'origin',
        'origin-when-cross-origin',
        'same-origin',
        'strict-origin',
        'strict-origin-when-cross-origin',
        'unsafe-url',
      ])
      .default('strict-origin-when-cross-origin'),
  }),
  edge: edgeSchema.optional(),
  network: strictObject({
    ingressNamespace: z
      .string()
      .regex(/^[a-z]([a-z0-9-]*[a-z0-9])?$/, 'expected a Kubernetes namespace name')
      .optional()
      .register(z.globalRegistry, {
        description:
          'Namespace of an in-cluster ingress controller allowed to reach the app port; only without security.edge (whose ALB targets pod IPs from its subnets).',
      }),
    postgresPort: z.number().int().min(1).max(65535).default(5432),
    redisPort: z.number().int().min(1).max(65535).default(6379),
    dnsPort: z.number().int().min(1).max(65535).default(53),
    vpcCidrs: z
      .array(ipv4Cidr)
      .min(1)
      .default(['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'])
      .register(z.globalRegistry, {
        description:
          'Address ranges of the VPC the data stores live in: pods reach PostgreSQL and Redis only there (default the private ranges of RFC 1918).',
      }),
  }).prefault({}),
  encryptionAtRest: z.enum(['AES-256']).default('AES-256'),
  // The EKS cluster's IAM OIDC provider: each workload's IAM role (IRSA) trusts it for exactly the
  // workload's ServiceAccount. Without it the bundle has ServiceAccounts but no IAM roles.
  identity: strictObject({
    oidcProvider: z
      .string()
      .regex(
        /^arn:aws:iam::\d{12}:oidc-provider\/[a-z0-9][a-z0-9.-]*(\/[A-Za-z0-9._-]+)+$/,
        "expected the ARN of the cluster's IAM OIDC provider: arn:aws:iam::<12-digit account>:oidc-provider/<issuer host>/id/<id>",
      ),
  }).optional(),
})

export const noteSchema = label

const bucketName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'expected an S3 bucket name such as turnos-terraform-state')

/** Where each vertical's Terraform root module keeps its state: an S3 backend with a lock file. */
export const terraformSchema = strictObject({
  state: strictObject({
    bucket: bucketName.optional().register(z.globalRegistry, {
      description: 'S3 bucket of the state (default <metadata.name>-terraform-state).',
    }),
    keyPrefix: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*[A-Za-z0-9]$/, 'expected a key prefix such as turnos/prod')
      .optional()
      .register(z.globalRegistry, {
        description: 'Each vertical keeps <keyPrefix>/<vertical>/terraform.tfstate (default metadata.name).',
      }),
    region: z
      .enum(AWS_REGIONS as [string, ...string[]], {
        error: 'expected an AWS region code such as sa-east-1',
      })
      .optional()
      .register(z.globalRegistry, {
        description: 'Region of the state bucket (default the primary region).',
      }),
  }).prefault({}),
})
