import { connect, createServer, type Socket } from 'node:net'

/** A TCP proxy in front of a server that a test can freeze, to simulate a hung Redis without touching it. */
export interface FreezableProxy {
  port: number
  /** Stops forwarding in both directions: commands hang as on a stalled server. */
  freeze(): void
  thaw(): void
  close(): Promise<void>
}

/** Starts a proxy to host:port on a random local port. */
export async function startProxy(host: string, port: number): Promise<FreezableProxy> {
  const sockets = new Set<Socket>()
  let frozen = false
  const server = createServer((client) => {
    const upstream = connect(port, host)
    sockets.add(client).add(upstream)
    const forward = (from: Socket, to: Socket) =>
      from.on('data', (chunk) => {
        if (!frozen) to.write(chunk)
      })
    forward(client, upstream)
    forward(upstream, client)
    const end = () => {
      client.destroy()
      upstream.destroy()
    }
    client.on('close', end).on('error', end)
    upstream.on('close', end).on('error', end)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('proxy has no port')
  return {
    port: address.port,
    freeze: () => {
      frozen = true
    },
    thaw: () => {
      frozen = false
    },
    close: async () => {
      for (const s of sockets) s.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
