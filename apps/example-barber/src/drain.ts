import type { IncomingMessage, Server, ServerResponse } from 'node:http'

/** Tracks in-flight requests of a server so shutdown can wait for them. */
export class Drainer {
  private inflight = 0
  private idle: (() => void) | undefined
  /** True once draining started: new requests are told to close their connection. */
  draining = false

  constructor(private readonly server: Server) {
    server.on('request', (req: IncomingMessage, res: ServerResponse) => this.track(req, res))
  }

  /** Requests being served now. */
  get active(): number {
    return this.inflight
  }

  /**
   * Stops accepting connections, lets in-flight requests finish (at most `timeoutMs`, then their
   * connections are cut) and resolves once the server is closed. Returns how many were cut.
   */
  async drain(timeoutMs: number): Promise<{ cut: number }> {
    this.draining = true
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()))
    this.server.closeIdleConnections()
    let cut = 0
    const finished = new Promise<void>((resolve) => {
      if (this.inflight === 0) resolve()
      else this.idle = resolve
    })
    const timer = setTimeout(() => {
      cut = this.inflight
      this.server.closeAllConnections()
    }, timeoutMs)
    await finished.then(() => this.server.closeIdleConnections())
    await closed
    clearTimeout(timer)
    return { cut }
  }

  private track(_req: IncomingMessage, res: ServerResponse): void {
    this.inflight += 1
    // Keep-alive clients learn to reconnect elsewhere instead of reusing a closing socket.
    if (this.draining) res.setHeader('connection', 'close')
    let done = false
    const end = () => {
      if (done) return
      done = true
      this.inflight -= 1
      if (this.draining) this.server.closeIdleConnections()
      if (this.inflight === 0) this.idle?.()
    }
    res.once('finish', end)
    res.once('close', end)
  }
}
