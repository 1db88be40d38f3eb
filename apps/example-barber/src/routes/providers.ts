import type { Handler } from '../context'

/** GET /providers: the provider list, cached in Redis as `api-responses` (TTL from platform.yaml). */
export const listProviders: Handler = async (ctx) => {
  const load = () => ctx.store.providers()
  const providers = ctx.sdk
    ? await ctx.platform.cache.wrap('api-responses', 'providers', load, { subjectId: null })
    : await load()
  return { status: 200, body: { providers } }
}
