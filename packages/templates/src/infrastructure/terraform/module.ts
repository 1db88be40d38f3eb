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
 * What versions.tf and providers.tf print for a shared store's root module: the same providers, its
 * state under `<keyPrefix>/platform/shared/<store>/` (no vertical may be called `platform`, so no
 * vertical's state key can meet it), and the store's name as a tag instead of a vertical's.
 */
export function sharedModuleView(platform: ResolvedPlatform, store: string) {
  return {
    terraformVersion: TERRAFORM_REQUIRED_VERSION,
    provider: AWS_PROVIDER,
    primaryRegion: platform.primaryRegion.name,
    drRegion: platform.drRegion?.name ?? null,
    state: {
      bucket: platform.terraform.state.bucket,
      key: `${platform.terraform.state.keyPrefix}/${PLATFORM_DIR}/shared/${store}/terraform.tfstate`,
      region: platform.terraform.state.region,
    },
    tags: {
      [PLATFORM_TAG]: platform.metadata.name,
      [SHARED_STORE_TAG]: store,
      'managed-by': MANAGER,
      'platform-version': platform.metadata.version,
    },
  }
}
