// Proof that a bundle runs the service it is for: a kubelet-like harness (./kubelet) starts the
// service from its own generated manifests, with exactly the env the Deployment sets, against a
// PostgreSQL database and a redis-server (password and TLS) of its own, exercises a booking, a
// consent check and a DSR over HTTP, then stops it with SIGTERM. For apps/example-barber and for a
// fresh scaffold of every vertical preset.
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PRESET_NAMES, parse, tenancyOf } from '@verticals/config-schema'
import { MONITORING_ROLE } from '@verticals/observability'
import { afterEach, describe, expect, it } from 'vitest'
import { parseDocument } from 'yaml'
import { TEST_SERVICES } from '../../../scripts/test-services.mjs'
import { timeoutFor } from '../../../testing/costs'
import { startS3Server } from '../../../testing/s3-server'
import { auditAnchorsBucket, s3PodIdentity } from './kubelet/aws-stand-in.ts'
import { startBackingStores } from './kubelet/backing.ts'
import { readImageSpec } from './kubelet/dockerfile.ts'
import { exerciseService } from './kubelet/exercise.ts'
import { bundleObjects, find, podSpec } from './kubelet/manifests.ts'
import { requestsAsViewers, runSloRulesOver, type ViewerMarket } from './kubelet/market-series.ts'
import { runPod } from './kubelet/pod.ts'
import { runtimeSecret } from './kubelet/runtime-secret.ts'
import { describeRun, ProcessTracker } from './processes.ts'
import { repoRoot } from './workspace.ts'

const tracker = new ProcessTracker()
const scratchDirs: string[] = []

afterEach(async () => {
  await tracker.stopAll()
  for (const dir of scratchDirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'verticals-kubelet-'))
  scratchDirs.push(dir)
  return dir
}

/** Nothing may listen on the container port already: the service must bind exactly that port. */
async function assertPortFree(port: number): Promise<void> {
  const answered = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1000) }).then(
    () => true,
    () => false,
  )
  expect(answered, `something already listens on 127.0.0.1:${port}, the Deployment's containerPort`).toBe(
    false,
  )
}

/**
 * Starts `deployment` of the bundle in `serviceDir` (its Dockerfile, bundle/ and platform.yaml), runs
 * the scenario and stops it; the Secrets Manager secret the ExternalSecret reads holds the URLs of the
 * stores this test starts and a fresh audit key.
 */
async function runFromManifests(
  serviceDir: string,
  bundleDir: string,
  deployment: string,
  viewers: readonly ViewerMarket[] = [],
  /** Runs after the scenario, against the database the service used. */
  inspect?: (databaseUrl: string) => Promise<void>,
  /**
   * Prepares the fresh database before the service starts and returns the URLs the runtime secret holds
   * (default: the test database's own URL, as for a dedicated store's master user, and the exporter's).
   */
  login?: (databaseUrl: string) => Promise<{ databaseUrl: string; monitoringDatabaseUrl: string }>,
): Promise<void> {
  const text = readFileSync(join(serviceDir, 'platform.yaml'), 'utf8')
  const parsed = parse(text, 'platform.yaml')
  if (!parsed.ok) throw new Error(`${serviceDir}/platform.yaml is invalid`)
  const platform = parsed.platform
  const vertical = Object.keys(platform.verticals)[0] ?? ''
  const objects = bundleObjects(bundleDir, vertical)
  const port = podSpec(find(objects, 'Deployment', deployment, 'the test runs it')).containers[0]?.ports?.[0]
  await assertPortFree(port?.containerPort ?? 0)
  const dir = scratch()
  const stores = await startBackingStores(tracker, dir)
  // S3, standing in for AWS: the vertical's audit-anchors bucket under the name its Terraform gives it.
  const s3 = await startS3Server('anchors', auditAnchorsBucket(bundleDir, vertical))
  try {
    const urls = login ? await login(stores.databaseUrl) : { databaseUrl: stores.databaseUrl }
    const { secrets, values } = runtimeSecret(platform.metadata.name, vertical, { ...stores, ...urls })
    const dsrAuthSecret = values.dsr_auth_secret
    const pod = await runPod(tracker, {
      objects,
      deployment,
      image: readImageSpec(join(serviceDir, 'Dockerfile')),
      workdir: serviceDir,
      secrets,
      scratch: dir,
      readyTimeoutMs: timeoutFor({ scaffoldTests: 1 }),
      podIdentity: s3PodIdentity(s3.endpoint),
    })
    expect(pod.env.NODE_ENV, 'the Deployment runs the service in production').toBe('production')
    expect(pod.env.VERTICALS_REDIS_URL?.startsWith('rediss://'), 'the runtime reaches Redis over TLS').toBe(
      true,
    )
    await exerciseService(pod.url, dsrAuthSecret).catch((error: Error) => {
      throw new Error(`${error.message}\n--- service log\n${pod.log()}`)
    })
    // The erasure was journaled in the bucket the Deployment named, so a restore cannot undo it.
    const journaled = s3.created.filter(
      (key) => key.startsWith('erasure-journal/') && key.includes(`/${vertical}/`),
    )
    expect(journaled, `no erasure-journal entry in ${s3.bucket}: ${s3.created.join(', ')}`).toHaveLength(1)
    await inspect?.(stores.databaseUrl)
    if (viewers.length > 0) {
      // Requests as CloudFront forwards them (viewer headers, no x-verticals-market) land in their markets.
      const samples = await requestsAsViewers(pod.url, '/providers', viewers, 3)
      for (const { market } of viewers)
        expect(
          samples.some((s) => s.labels.market === market && s.value >= 3),
          `no ${market} series in /metrics: ${JSON.stringify(samples)}`,
        ).toBe(true)
      const markets = viewers.map((v) => v.market)
      const rules = join(bundleDir, vertical, 'monitoring', 'prometheus', 'slo.rules.yaml')
      const run = await runSloRulesOver(tracker, { samples, rulesFile: rules, vertical, markets, dir })
      expect(run.code, `the generated SLO rules do not select the per-market series\n${run.output}`).toBe(0)
    }
    const ended = await pod.terminate()
    expect(
      ended,
      `SIGTERM must end the service cleanly within terminationGracePeriodSeconds (${pod.graceSeconds} s)\n--- service log\n${pod.log()}`,
    ).toMatchObject({ code: 0, signal: null })
  } finally {
    await s3.stop()
    await stores.dispose()
  }
}

describe('the service started from its own manifests', () => {
  it(
    'runs apps/example-barber from its committed bundle',
    async () => {
      const app = join(repoRoot, 'apps', 'example-barber')
      expect(
        existsSync(join(app, 'dist', 'main.js')),
        'build apps/example-barber first (npx nx run @verticals/example-barber:build)',
      ).toBe(true)
      // Buenos Aires is recognized by the viewer region AR-C, Córdoba by AR-X (platform.yaml).
      await runFromManifests(app, join(app, 'bundle'), 'api', [
        { market: 'buenos-aires', country: 'AR', region: 'C' },
        { market: 'cordoba', country: 'AR', region: 'X' },
      ])
    },
    timeoutFor({ scaffoldTests: 3, ruleTests: 1 }),
  )

  it(
    'runs a barber scaffold whose vertical is on a shared PostgreSQL and Redis (its own schema, as the login members.sql gives it)',
    async () => {
      const project = join(scratch(), 'shared-barber-service')
      const cli = join(repoRoot, 'packages', 'create-vertical', 'bin', 'create-vertical.js')
      const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' }
      const made = await tracker.run(process.execPath, [cli, project, '--vertical', 'barber', '--yes'], {
        cwd: repoRoot,
        env,
        timeoutMs: timeoutFor({ scaffold: 1 }),
      })
      expect(made.code, describeRun('create-vertical', made)).toBe(0)
      // barber and beauty on one shared store: the service runs in schema verticals_barber as its roles.
      // Roles are cluster-wide: this test names its own (suffixed) and drops them afterwards.
      const suffix = randomBytes(4).toString('hex')
      const roles = { owner: `vx_o_${suffix}`, app: `vx_a_${suffix}` }
      const file = join(project, 'platform.yaml')
      const doc = parseDocument(readFileSync(file, 'utf8'))
      doc.setIn(['dataStores', 'postgres', 'roles'], doc.createNode(roles))
      doc.setIn(['dataStores', 'shared'], doc.createNode({ marketplace: { postgres: {}, redis: {} } }))
      doc.setIn(
        ['verticals', 'barber', 'dataStores'],
        doc.createNode({ postgres: 'marketplace', redis: 'marketplace' }),
      )
      doc.setIn(
        ['verticals', 'beauty'],
        doc.createNode({ dataStores: { postgres: 'marketplace', redis: 'marketplace' } }),
      )
      writeFileSync(file, doc.toString({ lineWidth: 0 }))
      const generator = join(repoRoot, 'packages', 'generator', 'bin', 'verticals.js')
      const generated = await tracker.run(
        process.execPath,
        [generator, 'generate', 'platform.yaml', '--out', 'bundle'],
        { cwd: project, env, timeoutMs: timeoutFor({ cli: 1 }) },
      )
      expect(generated.code, describeRun('verticals generate', generated)).toBe(0)
      const parsed = parse(readFileSync(file, 'utf8'), 'platform.yaml')
      expect(parsed.ok && tenancyOf(parsed.platform, 'barber').schema).toBe('verticals_barber')
      symlinkSync(join(repoRoot, 'node_modules'), join(project, 'node_modules'), 'dir')
      // The shared store's members.sql, run as the master user would run it, gives each member its login;
      // the runtime secret then holds barber's login (its owner role), as the member's secrets.tf writes it.
      const members = join(
        project,
        'bundle',
        'platform',
        'infrastructure',
        'shared',
        'marketplace',
        'members.sql',
      )
      const password = randomBytes(16).toString('hex')
      const monitoringPassword = randomBytes(16).toString('hex')
      const owners = ['barber', 'beauty'].map((v) => `${roles.owner}_${v}`)
      // Each member's exporter login, which members.sql creates (the member's login may not).
      const monitors = ['barber', 'beauty'].map((v) => `${MONITORING_ROLE}_${v}`)
      const login = async (databaseUrl: string) => {
        const args = [
          '-v',
          `barber_password=${password}`,
          '-v',
          `barber_monitoring_password=${monitoringPassword}`,
          '-v',
          `beauty_password=${randomBytes(16).toString('hex')}`,
          '-v',
          `beauty_monitoring_password=${randomBytes(16).toString('hex')}`,
        ]
        const run = await tracker.run('psql', [databaseUrl, ...args, '-f', members], {
          cwd: project,
          env,
          timeoutMs: 60_000,
        })
        expect(run.code, describeRun('psql members.sql', run)).toBe(0)
        const url = new URL(databaseUrl)
        url.username = `${roles.owner}_barber`
        url.password = password
        const monitoring = new URL(databaseUrl)
        monitoring.username = `${MONITORING_ROLE}_barber`
        monitoring.password = monitoringPassword
        return { databaseUrl: url.toString(), monitoringDatabaseUrl: monitoring.toString() }
      }
      try {
        await runFromManifests(project, join(project, 'bundle'), 'api', [], inspectSchemas, login)
      } finally {
        // After the test database is dropped (runFromManifests), nothing of the roles is left but themselves.
        const all = [...owners, ...['barber', 'beauty'].map((v) => `${roles.app}_${v}`), ...monitors]
        await tracker.run(
          'psql',
          [TEST_SERVICES.pg, '-v', 'ON_ERROR_STOP=1', '-c', `DROP ROLE IF EXISTS ${all.join(', ')}`],
          {
            cwd: project,
            env,
            timeoutMs: 60_000,
          },
        )
      }
      async function inspectSchemas(databaseUrl: string) {
        // The scenario's rows are in barber's own schema; the platform schema was never created.
        const query = `SELECT string_agg(nspname, ',' ORDER BY nspname) FROM pg_namespace WHERE nspname IN ('service', 'verticals', 'verticals_barber', 'verticals_beauty')`
        const psql = await tracker.run('psql', [databaseUrl, '-Atc', query], {
          cwd: project,
          env,
          timeoutMs: 60_000,
        })
        expect(psql.code, describeRun('psql', psql)).toBe(0)
        expect(psql.stdout.trim()).toBe('verticals_barber')
        // barber's login created and owns its schema (migrated at start-up), not the master user.
        const owner = await tracker.run(
          'psql',
          [
            databaseUrl,
            '-Atc',
            "SELECT nspowner::regrole FROM pg_namespace WHERE nspname = 'verticals_barber'",
          ],
          { cwd: project, env, timeoutMs: 60_000 },
        )
        expect(owner.stdout.trim()).toBe(`${roles.owner}_barber`)
        // barber's exporter logs in as its own role, which may monitor and nothing more.
        const monitor = await tracker.run(
          'psql',
          [
            databaseUrl,
            '-Atc',
            `SELECT pg_has_role('${MONITORING_ROLE}_barber', 'pg_monitor', 'MEMBER'), rolsuper OR rolcreaterole OR rolcreatedb FROM pg_roles WHERE rolname = '${MONITORING_ROLE}_barber'`,
          ],
          { cwd: project, env, timeoutMs: 60_000 },
        )
        expect(monitor.stdout.trim()).toBe('t|f')
      }
    },
    timeoutFor({ scaffold: 1, cli: 1, scaffoldTests: 3 }),
  )

  it.each(PRESET_NAMES.map((preset) => [preset]))(
    'runs a fresh %s scaffold from the bundle it generated',
    async (preset) => {
      const project = join(scratch(), `${preset}-service`)
      const cli = join(repoRoot, 'packages', 'create-vertical', 'bin', 'create-vertical.js')
      const made = await tracker.run(process.execPath, [cli, project, '--vertical', preset, '--yes'], {
        cwd: repoRoot,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
        timeoutMs: timeoutFor({ scaffold: 1 }),
      })
      expect(made.code, describeRun('create-vertical', made)).toBe(0)
      // The workspace's built packages stand in for `npm install` of the same versions.
      symlinkSync(join(repoRoot, 'node_modules'), join(project, 'node_modules'), 'dir')
      await runFromManifests(project, join(project, 'bundle'), 'api')
    },
    timeoutFor({ scaffold: 1, scaffoldTests: 3 }),
  )
})
