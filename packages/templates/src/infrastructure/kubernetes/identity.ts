import type { ResolvedPlatform } from '@verticals/config-schema'
import {
  EXPORTER_STORES,
  MONITORING_SECRET_KEYS,
  runtimeSecretName,
  SECRET_ENV,
} from '@verticals/observability'
import {
  identities,
  MONITORING_REMOTE_PROPERTY,
  oidcProvider,
  REMOTE_PROPERTY,
  remoteSecretName,
  roleName,
  secretStoreName,
  secretsServiceAccountName,
} from '../identity'
import type { Vertical, Workload } from '../names'
import { verticalLabels } from '../names'

/** The annotation through which EKS (IRSA) gives a ServiceAccount's pods an IAM role. */
export const ROLE_ARN_ANNOTATION = 'eks.amazonaws.com/role-arn'

// How often the External Secrets Operator re-reads the secret (a rotated value arrives within this).
const REFRESH_INTERVAL = '1h'

/**
 * One ServiceAccount per workload and one for the SecretStore, each annotated with the IAM role that
 * trusts exactly it (when the config names the cluster's OIDC provider). Tokens are not automounted.
 */
export function serviceAccounts(
  platform: ResolvedPlatform,
  vertical: Vertical,
  workloads: readonly Workload[],
): Record<string, unknown>[] {
  const provider = oidcProvider(platform)
  return identities(vertical, workloads).map(({ suffix, account }) => ({
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: {
      name: account,
      namespace: vertical.namespace,
      labels: verticalLabels(platform, vertical),
      ...(provider && {
        annotations: {
          [ROLE_ARN_ANNOTATION]: `arn:aws:iam::${provider.account}:role/${roleName(platform, vertical, suffix)}`,
        },
      }),
    },
    automountServiceAccountToken: false,
  }))
}

/**
 * The vertical's SecretStore (Secrets Manager in the primary region, authenticated as its own
 * ServiceAccount) and the ExternalSecret that materializes the runtime Secret the Deployment reads:
 * connection URLs and keys, and the exporters' monitoring URLs. Application pods need no AWS API access for them.
 */
export function externalSecrets(platform: ResolvedPlatform, vertical: Vertical): Record<string, unknown>[] {
  const labels = verticalLabels(platform, vertical)
  const store = {
    apiVersion: 'external-secrets.io/v1',
    kind: 'SecretStore',
    metadata: { name: secretStoreName(vertical), namespace: vertical.namespace, labels },
    spec: {
      provider: {
        aws: {
          service: 'SecretsManager',
          region: platform.primaryRegion.name,
          auth: { jwt: { serviceAccountRef: { name: secretsServiceAccountName(vertical) } } },
        },
      },
    },
  }
  const keys = Object.keys(SECRET_ENV) as (keyof typeof SECRET_ENV)[]
  const secret = {
    apiVersion: 'external-secrets.io/v1',
    kind: 'ExternalSecret',
    metadata: { name: runtimeSecretName(vertical.name), namespace: vertical.namespace, labels },
    spec: {
      refreshInterval: REFRESH_INTERVAL,
      secretStoreRef: { name: secretStoreName(vertical), kind: 'SecretStore' },
      target: { name: runtimeSecretName(vertical.name), creationPolicy: 'Owner' },
      data: [
        ...keys.map((key) => ({
          secretKey: SECRET_ENV[key],
          remoteRef: { key: remoteSecretName(platform, vertical), property: REMOTE_PROPERTY[key] },
        })),
        // The exporters' keys the service does not read: their monitoring identities.
        ...EXPORTER_STORES.filter(
          (store) => !Object.values<string>(SECRET_ENV).includes(MONITORING_SECRET_KEYS[store]),
        ).map((store) => ({
          secretKey: MONITORING_SECRET_KEYS[store],
          remoteRef: {
            key: remoteSecretName(platform, vertical),
            property: MONITORING_REMOTE_PROPERTY[store],
          },
        })),
      ],
    },
  }
  return [store, secret]
}
