import { PlatformError } from '@verticals/config-schema'
import { CONFIG_ENV, loadPlatformConfig } from './load-config'
import { createPlatform, type Platform, type PlatformOptions } from './platform'

/** Environment variable naming the vertical a service runs as; the generated Deployments set it. */
export const VERTICAL_ENV = 'VERTICALS_VERTICAL'

/** Options of createPlatformFromEnv: those of createPlatform, with the config and vertical optional. */
export interface PlatformFromEnvOptions extends Omit<PlatformOptions, 'config' | 'vertical'> {
  /** Path of platform.yaml (default: the file `VERTICALS_CONFIG` names). */
  configPath?: string
  /** The vertical this service runs as (default: `VERTICALS_VERTICAL`). */
  vertical?: string
}

/**
 * createPlatform for a service deployed from a generated bundle: reads the platform.yaml that
 * `VERTICALS_CONFIG` names and runs as `VERTICALS_VERTICAL`, both set by the generated Deployment.
 */
export async function createPlatformFromEnv(options: PlatformFromEnvOptions): Promise<Platform> {
  const { configPath, vertical: given, ...rest } = options
  const vertical = given || process.env[VERTICAL_ENV]
  if (!vertical) {
    throw new PlatformError('INVALID_ARGUMENT', `no vertical to run as: ${VERTICAL_ENV} is not set`, {
      hint: `Pass { vertical } or set ${VERTICAL_ENV} (the generated Deployments set it; ${CONFIG_ENV} names the config).`,
    })
  }
  const config = await loadPlatformConfig(configPath)
  return createPlatform({ ...rest, config, vertical })
}
