// Versions of the tools (and cluster services) the generated files were written and validated against. They are not settings
// of the platform (platform.yaml has no field for them), so they live here, in one place, instead of
// being scattered through builders and templates. Bump them on purpose, with a changeset.

/** Terraform CLI versions the root modules accept: the S3 backend's `use_lockfile` is GA from 1.11. */
export const TERRAFORM_REQUIRED_VERSION = '>= 1.11.0'

/** The AWS provider: `evaluation_window_sec` on WAF rate-based rules needs 5.x. */
export const AWS_PROVIDER = { source: 'hashicorp/aws', version: '~> 5.80' } as const

/** ElastiCache Redis engine and the parameter-group family that goes with it. */
export const REDIS_ENGINE = { engine: 'redis', version: '7.1', family: 'redis7' } as const

/** The port the AWS service APIs (S3 included) answer on: HTTPS only. */
export const AWS_API_PORT = 443

const MONITORING_NAMESPACE = 'monitoring'

/**
 * Cluster services the manifests rely on but platform.yaml does not describe: the namespace of the
 * Prometheus that scrapes the workloads and that KEDA asks for queue depth (the kube-prometheus-stack
 * defaults), and the cluster DNS pods.
 */
export const CLUSTER = {
  monitoringNamespace: MONITORING_NAMESPACE,
  prometheus: `http://prometheus-operated.${MONITORING_NAMESPACE}.svc:9090`,
  dnsNamespace: 'kube-system',
  dnsPodLabels: { 'k8s-app': 'kube-dns' },
} as const

/**
 * The IngressClass of the AWS Load Balancer Controller. The Ingress names its web ACL with
 * `alb.ingress.kubernetes.io/wafv2-acl-name` (the ARN is only known after Terraform creates it), which
 * needs a controller release that reads that annotation.
 */
export const ALB_INGRESS_CLASS = 'alb'

/** CloudFront is global, but its certificates and CLOUDFRONT-scope web ACLs live in us-east-1 only. */
export const CLOUDFRONT_REGION = 'us-east-1'
