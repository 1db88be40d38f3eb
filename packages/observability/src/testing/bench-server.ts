// A server for the middleware benchmark, run in its own process so the client's work is not on its
// event loop: `node --import tsx bench-server.ts bare|instrumented|instrumented-context`; prints its port and serves.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { instrumentHandler } from '../http'
import { createMetrics } from '../metrics'
import { examplePlatform } from './example'

const body = JSON.stringify({ id: 'b-123', status: 'confirmed' })
const handler = (_req: IncomingMessage, res: ServerResponse) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
  res.end(body)
}

const mode = process.argv[2]
const metrics = createMetrics(examplePlatform(), { vertical: 'barber' })
const options = { routes: ['/bookings/:id'], requestContext: mode === 'instrumented-context' }
const listener = mode === 'bare' ? handler : instrumentHandler(metrics, handler, options)
const server = createServer({ keepAlive: true }, listener)
server.listen(0, '127.0.0.1', () => process.stdout.write(`${(server.address() as AddressInfo).port}\n`))
