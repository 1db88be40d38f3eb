import { PlatformError, type ResolvedPlatform } from '@verticals/config-schema'

/** A resolved vertical as the (deeply readonly) platform holds it. */
export type Vertical = ResolvedPlatform['verticals'][string]

/** The vertical named `name`, or a VERTICAL_UNKNOWN / VERTICAL_DISABLED error listing the choices. */
export function verticalOf(platform: ResolvedPlatform, name: string): Vertical {
  const vertical = platform.verticals[name]
  if (!vertical) {
    const known = Object.keys(platform.verticals).join(', ')
    throw new PlatformError('VERTICAL_UNKNOWN', `vertical "${name}" is not declared in platform.yaml`, {
      hint: `use one of: ${known}`,
    })
  }
  if (!vertical.enabled)
    throw new PlatformError('VERTICAL_DISABLED', `vertical "${name}" is declared but not enabled`, {
      hint: `set verticals.${name}.enabled: true in platform.yaml`,
    })
  return vertical
}
