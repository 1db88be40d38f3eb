/** The error a Redis call gets when it takes longer than cache.timeout. */
export class RedisTimeout extends Error {
  override readonly name = 'RedisTimeout'
}

const TIMEOUT = new RedisTimeout('redis call exceeded cache.timeout')

/** Settles like `promise`, or rejects with RedisTimeout after `ms` milliseconds. */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(reject, ms, TIMEOUT)
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
