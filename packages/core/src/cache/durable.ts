import type { RedisClient } from '../connections'
import { withTimeout } from './timeout'

/** A change to one key: a value (with a TTL in seconds, or none), or its removal (`value: null`). */
export type KeyChange = { key: string; value: string; ttl?: number } | { key: string; value: null }

/**
 * Makes one change to a key so that it survives a Redis failover, and resolves true once it has:
 * the key's primary holds it and every replica connected to that primary has acknowledged it
 * (WAIT). Redis replicates asynchronously, so a change a primary acknowledged can still be lost when
 * that primary dies before its replica got it, and the promoted replica then serves the old value.
 * Until the change is durable (a shard failing over, a replica lagging) it is made again, on the new
 * primary too, every `RETRY_MS`; resolves false once `withinMs` has passed. Each Redis call waits at
 * most four times `timeoutMs` (a WAIT at least `REPLICA_WAIT_MS`). On a single Redis without
 * replicas, one acknowledged write is durable.
 */
export async function changeDurably(
  redis: RedisClient,
  change: KeyChange,
  options: { timeoutMs: number; withinMs: number },
): Promise<boolean> {
  const until = Date.now() + options.withinMs
  for (;;) {
    if (await changeReplicated(redis, change, options.timeoutMs * 4)) return true
    if (Date.now() >= until) return false
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS))
  }
}

/**
 * One attempt: the change, then WAIT until every replica the key's primary has connected acknowledges
 * it. The change goes alone, so that a MOVED after a failover updates the client's slot map and
 * redirects it; the check, ROLE and WAIT follow in pipelines led by the key, which a cluster client
 * sends to the node owning it. A pipeline whose key answers an error, or shows the key other than the
 * change left it, ran elsewhere (or lost the change), and the attempt fails.
 */
async function changeReplicated(redis: RedisClient, change: KeyChange, budget: number): Promise<boolean> {
  try {
    await withTimeout(apply(redis, change), budget)
    const [held, role] = (await withTimeout(inspect(redis, change).role().exec(), budget)) ?? []
    if (!holds(change, held) || role?.[0] !== null) return false
    const [kind, , replicas] = role[1] as [string, number, unknown[]]
    if (kind !== 'master') return false
    if (replicas.length === 0) return true
    const waitMs = Math.max(budget, REPLICA_WAIT_MS)
    const [again, acked] =
      (await withTimeout(inspect(redis, change).wait(replicas.length, waitMs).exec(), waitMs + budget)) ?? []
    return holds(change, again) && acked?.[0] === null && Number(acked[1]) >= replicas.length
  } catch {
    return false
  }
}

function apply(redis: RedisClient, change: KeyChange): Promise<unknown> {
  if (change.value === null) return redis.del(change.key)
  if (change.ttl === undefined) return redis.set(change.key, change.value)
  return redis.set(change.key, change.value, 'EX', Math.max(1, change.ttl))
}

/** A pipeline led by the key: GET for a value, EXISTS for a removal. */
function inspect(redis: RedisClient, change: KeyChange) {
  return change.value === null ? redis.pipeline().exists(change.key) : redis.pipeline().get(change.key)
}

/** Whether a pipeline reply shows the key as the change left it. */
function holds(change: KeyChange, reply: [Error | null, unknown] | undefined): boolean {
  if (reply === undefined || reply[0] !== null) return false
  return change.value === null ? Number(reply[1]) === 0 : reply[1] === change.value
}

/** Milliseconds between attempts at a change Redis did not make durable. */
export const RETRY_MS = 100
/** Milliseconds a WAIT for the replicas' acknowledgement may take before the change is made again. */
const REPLICA_WAIT_MS = 500
