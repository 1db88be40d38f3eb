import type { ResolvedPlatform } from '@verticals/config-schema'
import { type Artifact, PLATFORM_DIR } from '../../artifact'
import { generatedHeader } from '../../header'
import type { TextEngine } from '../../text/engine'
import {
  ERASURE_RELAY_DIR,
  erasureRelayBucket,
  erasureRelayKeyAlias,
  erasureRelayMembers,
} from '../erasure-relay'
import { days } from '../quantity'
import { erasureRelayModuleView } from '../terraform/module'

/** Files of the relay's root module and the template each is rendered from. */
const FILES: readonly (readonly [file: string, template: string])[] = [
  ['versions.tf', 'infrastructure/terraform/versions.tf'],
  ['providers.tf', 'infrastructure/terraform/providers.tf'],
  ['erasure-relay.tf', 'infrastructure/erasure-relay/erasure-relay.tf'],
]

/**
 * Days an object stays in the relay: the longest legal erasure deadline of the declared jurisdictions
 * (and at least the internal erasure target). A request still there by then is overdue under every one
 * of them; the asking request stays open, and its retry asks again.
 */
function expiryDays(platform: ResolvedPlatform): number {
  const legal = platform.jurisdictions.map((j) => j.deadlines.erasure.days)
  return Math.max(days(platform.dsr.deadlines.erasure), ...legal)
}

/** The data the relay's templates receive; documented for users who override one. */
export function erasureRelayView(platform: ResolvedPlatform, members: readonly string[]) {
  return {
    module: erasureRelayModuleView(platform),
    edge: null,
    relay: {
      bucket: erasureRelayBucket(platform),
      keyAlias: erasureRelayKeyAlias(platform),
      kmsDescription: `${erasureRelayBucket(platform)}: erasure requests between verticals on different PostgreSQL stores`,
      members,
      expiryDays: expiryDays(platform),
    },
  }
}

/**
 * The platform part of the erasure relay, when some verticals erase platform-wide across PostgreSQL
 * stores: `platform/infrastructure/erasure-relay/`, a Terraform root module with its bucket and key.
 */
export function erasureRelayArtifacts(platform: ResolvedPlatform, text: TextEngine): Artifact[] {
  const members = erasureRelayMembers(platform)
  if (members.length === 0) return []
  const view = erasureRelayView(platform, members)
  return FILES.map(([file, template]) => ({
    path: `${ERASURE_RELAY_DIR}/${file}`,
    kind: 'terraform',
    vertical: PLATFORM_DIR,
    content: generatedHeader('hash') + text.render(template, view),
  }))
}
