// AWS for a pod started by the harness: s3rver stands in for S3. The env is what EKS's pod identity
// webhook gives a container whose ServiceAccount names an IAM role (there, a web identity; here,
// s3rver's credentials and endpoint); the Deployment itself gives AWS_REGION.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The env that lets the AWS SDK in the pod reach `endpoint` (s3rver wants checksums only when required). */
export function s3PodIdentity(endpoint: string): Record<string, string> {
  return {
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    AWS_ENDPOINT_URL_S3: endpoint,
    AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
    AWS_RESPONSE_CHECKSUM_VALIDATION: 'WHEN_REQUIRED',
  }
}

/** The bucket the vertical's audit-anchors.tf creates (its Deployment must name the same one). */
export function auditAnchorsBucket(bundleDir: string, vertical: string): string {
  const file = join(bundleDir, vertical, 'infrastructure', 'terraform', 'audit-anchors.tf')
  const bucket = /resource "aws_s3_bucket" "audit_anchors" \{\s*bucket\s*=\s*"([^"]+)"/.exec(
    readFileSync(file, 'utf8'),
  )
  if (bucket?.[1] === undefined) throw new Error(`${file} creates no audit_anchors bucket`)
  return bucket[1]
}
