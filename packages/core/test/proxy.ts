import { connect, createServer, type Socket } from 'node:net'

/** A TCP proxy in front of a server that a test can freeze, to simulate a hung Redis without touching it. */
export interface FreezableProxy {
  port: number
  /** Stops forwarding in both directions: commands hang as on a stalled server. */
  freeze(): void
  /** Forwards what was held back and resumes. */
  thaw(): void
  close(): Promise<void>
}

/** Starts a proxy to host:port on a random local port. */
export async function startProxy(host: string, port: number): Promise<FreezableProxy> {
  const sockets = new Set<Socket>()
  // While frozen, bytes are held back (not dropped), as a stalled server that later recovers would.
  const held: { to: Socket; chunk: Buffer }[] = []
  let frozen = false
  const server = createServer((client) => {
    const upstream = connect(port, host)
    sockets.add(client).add(upstream)
    const forward = (from: Socket, to: Socket) =>
      from.on('data', (chunk: Buffer) => {
        if (frozen) held.push({ to, chunk })
        else to.write(chunk)
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
      for (const { to, chunk } of held.splice(0)) to.write(chunk)
    },
    close: async () => {
      for (const s of sockets) s.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
