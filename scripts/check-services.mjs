// Fails fast, with the command that fixes it, when PostgreSQL or Redis is not answering or when
// promtool or amtool (which judge the generated monitoring bundle) is not installed.
import { spawnSync } from 'node:child_process'
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

const tools = [
  { name: 'promtool', debian: 'prometheus' },
  { name: 'amtool', debian: 'prometheus-alertmanager' },
]
const installed = (tool) => spawnSync(tool.name, ['--version'], { stdio: 'ignore' }).error === undefined

const missing = []
for (const service of services) {
  if (!(await reachable(service))) missing.push(service)
}
const absent = tools.filter((tool) => !installed(tool))
for (const s of missing) {
  console.error(`${s.name} is not answering on ${s.host}:${s.port}. The integration tests need it.`)
}
for (const tool of absent) {
  console.error(`${tool.name} is not on PATH. The monitoring tests run it on the generated bundle.`)
}
if (missing.length > 0) {
  console.error('Start the services (bash .ci/run does this on CI machines).')
}
if (absent.length > 0) {
  const packages = absent.map((tool) => tool.debian).join(' ')
  console.error(`Install the tools: apt-get install -y --no-install-recommends ${packages}`)
}
if (missing.length > 0 || absent.length > 0) {
  console.error('Then run `npm test` again.')
  process.exit(1)
}
