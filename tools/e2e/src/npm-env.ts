import { writeFileSync } from 'node:fs'
import { join } from 'node:path'

// Variables set by the runners around us (npm run, nx, vitest) that would leak into the
// commands a new user types: npm settings, nx task context, vitest worker state.
const INHERITED_NOISE = /^(npm_|NX_|VITEST|TEST$|NODE_ENV$|NODE_OPTIONS$|INIT_CWD$)/i

/** The files npm reads in the sandbox: a userconfig with the token and a fresh cache. */
export interface NpmSandbox {
  readonly userconfig: string
  readonly cache: string
  readonly env: NodeJS.ProcessEnv
}

/** The environment without what the surrounding runners injected. */
export function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !INHERITED_NOISE.test(key)))
}

/**
 * Writes an npmrc in `dir` that points every request at the local registry with an anonymous
 * token, and returns an environment using it with an empty cache: nothing can come from the
 * public registry or from a cache filled by this workspace's own installs.
 */
export function npmSandbox(dir: string, registryUrl: string): NpmSandbox {
  const host = new URL(registryUrl).host
  const userconfig = join(dir, 'npmrc')
  const cache = join(dir, 'npm-cache')
  writeFileSync(
    userconfig,
    [`registry=${registryUrl}/`, `//${host}/:_authToken=anonymous`, 'audit=false', 'fund=false', ''].join(
      '\n',
    ),
  )
  const env: NodeJS.ProcessEnv = {
    ...cleanEnv(),
    npm_config_registry: `${registryUrl}/`,
    npm_config_userconfig: userconfig,
    npm_config_cache: cache,
    npm_config_update_notifier: 'false',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
  }
  return { userconfig, cache, env }
}
