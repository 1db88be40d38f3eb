// Fails fast, with the command that fixes it, when the PostgreSQL database or role the tests use is
// missing, Redis does not answer, or promtool or amtool (which judge the generated monitoring
// bundle) or terraform (whose `fmt` judges the generated Terraform) is not installed: one clear
// message before the build, not dozens of failed tests after it.
import { spawnSync } from 'node:child_process'
import { Redis } from 'ioredis'
import pg from 'pg'
import { TEST_SERVICES } from './test-services.mjs'

const pgUrl = new URL(TEST_SERVICES.pg)
const database = decodeURIComponent(pgUrl.pathname.slice(1)) || 'postgres'
const user = decodeURIComponent(pgUrl.username) || 'postgres'
const psql = `psql -h ${pgUrl.hostname} -p ${pgUrl.port || 5432}`

/** What is wrong with PostgreSQL for the tests, with the fix, or undefined when it is ready. */
async function postgresProblem() {
  const client = new pg.Client({ connectionString: TEST_SERVICES.pg, connectionTimeoutMillis: 5000 })
  try {
    await client.connect()
    const { rows } = await client.query(
      "SELECT has_database_privilege(current_user, current_database(), 'CREATE') AS can_create",
    )
    if (!rows[0].can_create) {
      return [
        `PostgreSQL: role "${user}" may not create schemas in database "${database}"; each test makes its own.`,
        `Grant it: ${psql} -U postgres -c 'GRANT CREATE ON DATABASE "${database}" TO "${user}"'`,
      ]
    }
    return undefined
  } catch (error) {
    const code = error?.code
    if (code === '3D000') {
      return [
        `PostgreSQL: database "${database}" does not exist. The integration tests use it.`,
        `Create it: ${psql} -U ${user} -d postgres -c 'CREATE DATABASE "${database}"'`,
      ]
    }
    if (code === '28000') {
      return [
        `PostgreSQL: role "${user}" does not exist. The integration tests connect as it.`,
        `Create it as a superuser: ${psql} -U <superuser> -d postgres -c 'CREATE ROLE "${user}" LOGIN SUPERUSER'`,
      ]
    }
    if (code === '28P01' || /password/i.test(String(error?.message))) {
      return [
        `PostgreSQL: "${user}" cannot log in without a password (the tests expect trust auth on 127.0.0.1).`,
        'Put the password in VERTICALS_TEST_PG (postgres://user:password@host:port/db), or allow trust auth in pg_hba.conf.',
      ]
    }
    return [
      `PostgreSQL is not answering at ${pgUrl.host} (${error?.code ?? error?.message}). The integration tests need it.`,
      'Start it (bash .ci/run does this on CI machines), or point VERTICALS_TEST_PG at yours.',
    ]
  } finally {
    await client.end().catch(() => {})
  }
}

/** What is wrong with Redis for the tests, with the fix, or undefined when it answers PING. */
async function redisProblem() {
  const redis = new Redis(TEST_SERVICES.redis, {
    lazyConnect: true,
    connectTimeout: 5000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  })
  redis.on('error', () => {})
  try {
    await redis.connect()
    await redis.ping()
    return undefined
  } catch (error) {
    if (/NOAUTH|WRONGPASS/.test(String(error?.message))) {
      return ['Redis wants a password. Put it in VERTICALS_TEST_REDIS (redis://:password@host:port).']
    }
    const where = new URL(TEST_SERVICES.redis).host
    return [
      `Redis is not answering at ${where}. The integration tests need it.`,
      'Start it (bash .ci/run does this on CI machines), or point VERTICALS_TEST_REDIS at yours.',
    ]
  } finally {
    redis.disconnect()
  }
}

const tools = [
  { name: 'promtool', debian: 'prometheus' },
  { name: 'amtool', debian: 'prometheus-alertmanager' },
]
const installed = (tool) => spawnSync(tool.name, ['--version'], { stdio: 'ignore' }).error === undefined
// Not a Debian package: HashiCorp ships it. `terraform fmt` needs no provider, so no registry either.
const terraform = { name: 'terraform' }

const problems = [await postgresProblem(), await redisProblem()].filter((p) => p !== undefined)
const absent = tools.filter((tool) => !installed(tool))
for (const lines of problems) for (const line of lines) console.error(line)
for (const tool of absent) {
  console.error(`${tool.name} is not on PATH. The monitoring tests run it on the generated bundle.`)
}
if (absent.length > 0) {
  const packages = absent.map((tool) => tool.debian).join(' ')
  console.error(`Install the tools: apt-get install -y --no-install-recommends ${packages}`)
}
const noTerraform = !installed(terraform)
if (noTerraform) {
  console.error(
    'terraform is not on PATH. The templates tests run `terraform fmt -check` on the generated Terraform.',
  )
  console.error('Install it from https://developer.hashicorp.com/terraform/install (any 1.x).')
}
if (problems.length > 0 || absent.length > 0 || noTerraform) {
  console.error('Then run `npm test` again.')
  process.exit(1)
}
