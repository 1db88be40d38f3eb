/** The error a Redis call gets when it takes longer than cache.timeout. */
export class RedisTimeout extends Error {
  override readonly name = 'RedisTimeout'
}

const TIMEOUT = new RedisTimeout('redis call exceeded cache.timeout')

/**
 * Settles like `promise`, or rejects with RedisTimeout after `ms` milliseconds. The rejection waits
 * for the event loop's poll phase (setImmediate): when the process itself was busy past `ms` (GC, CPU
 * work, a loaded machine), a reply already waiting on the socket still counts, and lag is not
 * mistaken for a slow Redis (nor opens the breaker).
 */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => setImmediate(reject, TIMEOUT), ms)
    promise.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (error: unknown) => {
        clearTimeout(timer)
        reject(error)
      },
    )
  })
}
