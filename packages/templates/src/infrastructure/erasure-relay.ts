// The names both sides of the erasure relay use: the platform part that creates its bucket once,
// `platform/infrastructure/erasure-relay/`, and each participating vertical's Deployment (which tells
// the service the bucket, VERTICALS_ERASURE_RELAY_BUCKET) and IAM role (which may reach its own part of
// it). One module, so a rename on one side cannot leave the other looking for the old name.
import { erasureOtherStores, type ResolvedPlatform } from '@verticals/config-schema'
import { PLATFORM_DIR } from '../artifact'

/**
 * The enabled verticals that erase platform-wide with a vertical on another PostgreSQL store: each asks,
 * and is asked, through the relay (core's s3ErasureRelay). None: the platform has no relay.
 */
export function erasureRelayMembers(platform: ResolvedPlatform): string[] {
  return Object.values(platform.verticals)
    .filter((v) => v.enabled && erasureOtherStores(platform, v.name).length > 0)
    .map((v) => v.name)
}

/** `<platform>-erasure-relay`: the relay's bucket, which every member's Deployment and role name. */
export function erasureRelayBucket(platform: ResolvedPlatform): string {
  return `${platform.metadata.name}-erasure-relay`
}

/** The alias of the relay's KMS key, by which the members' modules look it up (never its state). */
export function erasureRelayKeyAlias(platform: ResolvedPlatform): string {
  return `alias/${erasureRelayBucket(platform)}`
}

/** The directory of the relay's Terraform root module in the bundle. */
export const ERASURE_RELAY_DIR = `${PLATFORM_DIR}/infrastructure/erasure-relay`

/** The bucket a vertical's Deployment names, or undefined when the vertical takes no part in the relay. */
export function erasureRelayBucketOf(platform: ResolvedPlatform, vertical: string): string | undefined {
  // As erasureRelayMembers, for one vertical: each of its workloads asks, so listing every member
  // here made a generation cubic in the number of verticals.
  const member =
    platform.verticals[vertical]?.enabled === true && erasureOtherStores(platform, vertical).length > 0
  return member ? erasureRelayBucket(platform) : undefined
}

/**
 * What a member's identity.tf grants its workloads on the relay, and nothing more: the requests
 * addressed to it (read, then delete once answered), requests in its own name, the answers addressed to
 * it and those it gave (read, so a request written again is not carried out twice), answers in its own
 * name, listing under those prefixes only, and the relay's key (looked up by alias). Null: no part in it.
 */
export function erasureRelayAccessView(platform: ResolvedPlatform, vertical: string) {
  const bucket = erasureRelayBucketOf(platform, vertical)
  if (bucket === undefined) return null
  const arn = `arn:aws:s3:::${bucket}`
  return {
    bucketArn: arn,
    keyAlias: erasureRelayKeyAlias(platform),
    ownRequests: `${arn}/requests/${vertical}/*`,
    asks: `${arn}/requests/*/${vertical}-*`,
    readAnswers: [`${arn}/answers/${vertical}/*`, `${arn}/answers/*/${vertical}/*`],
    writesAnswers: `${arn}/answers/*/${vertical}/*`,
    listPrefixes: [`requests/${vertical}/*`, `answers/${vertical}/*`, `answers/*/${vertical}/*`],
  }
}
