import type { ResolvedPlatform } from '@verticals/config-schema'
import { PLATFORM_DIR } from '../../artifact'
import type { Vertical } from '../names'
import { MANAGER } from '../names'
import { AWS_PROVIDER, TERRAFORM_REQUIRED_VERSION } from '../toolchain'

/** Tag keys every resource carries (through the providers' default_tags). */
export const PLATFORM_TAG = 'verticals:platform'
export const VERTICAL_TAG = 'verticals:vertical'
/** Tag key of the resources of a shared data store (dataStores.shared): the store's name. */
export const SHARED_STORE_TAG = 'verticals:shared-store'
/** Tag key of the resources of another platform-wide part (the erasure relay): the part's name. */
export const PLATFORM_PART_TAG = 'verticals:platform-part'

/** What versions.tf and providers.tf print: the primary region, and the DR region as the `aws.dr` alias. */
export function moduleView(platform: ResolvedPlatform, vertical: Vertical) {
  return {
    terraformVersion: TERRAFORM_REQUIRED_VERSION,
    provider: AWS_PROVIDER,
    primaryRegion: platform.primaryRegion.name,
    drRegion: platform.drRegion?.name ?? null,
    state: {
      bucket: platform.terraform.state.bucket,
      key: `${platform.terraform.state.keyPrefix}/${vertical.name}/terraform.tfstate`,
      region: platform.terraform.state.region,
    },
    tags: {
      [PLATFORM_TAG]: platform.metadata.name,
      [VERTICAL_TAG]: vertical.name,
      'managed-by': MANAGER,
      'platform-version': platform.metadata.version,
    },
  }
}

/**
 * What versions.tf and providers.tf print for a platform-wide root module: the same providers, its
 * state under `<keyPrefix>/platform/<path>/` (no vertical may be called `platform`, so no vertical's
 * state key can meet it), and the part's tag instead of a vertical's.
 */
function platformModuleView(platform: ResolvedPlatform, path: string, tag: readonly [string, string]) {
  return {
    terraformVersion: TERRAFORM_REQUIRED_VERSION,
    provider: AWS_PROVIDER,
    primaryRegion: platform.primaryRegion.name,
    drRegion: platform.drRegion?.name ?? null,
    state: {
      bucket: platform.terraform.state.bucket,
      key: `${platform.terraform.state.keyPrefix}/${PLATFORM_DIR}/${path}/terraform.tfstate`,
      region: platform.terraform.state.region,
    },
    tags: {
      [PLATFORM_TAG]: platform.metadata.name,
      [tag[0]]: tag[1],
      'managed-by': MANAGER,
      'platform-version': platform.metadata.version,
    },
  }
}

/** versions.tf and providers.tf of a shared store: state under `platform/shared/<store>/`, the store's tag. */
export function sharedModuleView(platform: ResolvedPlatform, store: string) {
  return platformModuleView(platform, `shared/${store}`, [SHARED_STORE_TAG, store])
}

/** versions.tf and providers.tf of the erasure relay: state under `platform/erasure-relay/`. */
export function erasureRelayModuleView(platform: ResolvedPlatform) {
  return platformModuleView(platform, 'erasure-relay', [PLATFORM_PART_TAG, 'erasure-relay'])
}
