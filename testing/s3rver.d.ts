// s3rver ships no types; this covers the part the integration tests use.
declare module 's3rver' {
  import { EventEmitter } from 'node:events'

  interface S3rverOptions {
    address?: string
    port?: number
    silent?: boolean
    directory: string
    resetOnClose?: boolean
    configureBuckets?: { name: string; configs?: string[] }[]
  }
  interface S3Event {
    Records: { eventName: string; s3: { bucket: { name: string }; object: { key: string } } }[]
  }
  export default class S3rver extends EventEmitter {
    constructor(options: S3rverOptions)
    run(): Promise<{ address: string; port: number }>
    close(): Promise<void>
    override on(event: 'event', listener: (event: S3Event) => void): this
  }
}
