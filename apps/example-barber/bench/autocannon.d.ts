// The few parts of autocannon 9 the load bench uses (the package ships no types).
declare module 'autocannon' {
  export interface Histogram {
    average: number
    p50: number
    p99: number
  }
  export interface Request {
    method?: string
    path?: string
    headers?: Record<string, string>
    body?: string
    setupRequest?: (request: Request) => Request
  }
  export interface Options {
    url: string
    connections?: number
    duration?: number
    requests?: Request[]
  }
  export interface Result {
    requests: Histogram
    latency: Histogram
    duration: number
    errors: number
    timeouts: number
    non2xx: number
    statusCodeStats: Record<string, { count: number }>
  }
  function autocannon(options: Options): Promise<Result>
  export default autocannon
}
