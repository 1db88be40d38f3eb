// Fails fast, with the command that fixes it, when PostgreSQL or Redis is not answering.
import net from 'node:net'

const services = [
  { name: 'PostgreSQL', host: '127.0.0.1', port: 5432, env: 'DATABASE_URL' },
  { name: 'Redis', host: '127.0.0.1', port: 6379, env: 'REDIS_URL' },
]

function reachable({ host, port }) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port })
    socket.setTimeout(2000)
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('timeout', () => {
      socket.destroy()
      resolve(false)
    })
    socket.once('error', () => resolve(false))
  })
}

const missing = []
for (const service of services) {
  if (!(await reachable(service))) missing.push(service)
}
if (missing.length > 0) {
  for (const s of missing) {
    console.error(`${s.name} is not answering on ${s.host}:${s.port}. The integration tests need it.`)
  }
  console.error('Start the services (bash .ci/run does this on CI machines) and run `npm test` again.')
  process.exit(1)
}
