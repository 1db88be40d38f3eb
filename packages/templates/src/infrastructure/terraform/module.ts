import type { ResolvedPlatform } from '@verticals/config-schema'
import type { Vertical } from '../names'
import { MANAGER } from '../names'
import { AWS_PROVIDER, TERRAFORM_REQUIRED_VERSION } from '../toolchain'

/** Tag keys every resource carries (through the providers' default_tags). */
export const PLATFORM_TAG = 'verticals:platform'
export const VERTICAL_TAG = 'verticals:vertical'

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
