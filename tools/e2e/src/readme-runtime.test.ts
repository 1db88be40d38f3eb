// The README's runtime snippet, run as written: its exact text in a module of its own, started with
// the deployment contract's variables as a Deployment of the example's psychology vertical sets them,
// against a PostgreSQL database and a TLS, password-protected redis-server of its own.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { timeoutFor } from '../../../testing/costs'
import { startS3Server } from '../../../testing/s3-server'
import { s3PodIdentity } from './kubelet/aws-stand-in.ts'
import { startBackingStores } from './kubelet/backing.ts'
import { describeRun, ProcessTracker } from './processes.ts'
import { repoRoot } from './workspace.ts'

const tracker = new ProcessTracker()
// Under the repository, so the snippet's imports resolve to the workspace's built packages.
const dir = mkdtempSync(join(repoRoot, 'tools', 'e2e', '.readme-run-'))
afterAll(async () => {
  await tracker.stopAll()
  rmSync(dir, { recursive: true, force: true })
})

/** The TypeScript block under "### Use the runtime libraries" in README.md. */
function runtimeSnippet(): string {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8')
  const section = readme.slice(readme.indexOf('### Use the runtime libraries'))
  const match = /```ts\n([\s\S]*?)```/.exec(section)
  if (!match?.[1]) throw new Error('README.md has no ts block under "### Use the runtime libraries"')
  return match[1]
}

describe("the README's runtime snippet", () => {
  it(
    'runs as written in a pod of the example bundle',
    async () => {
      const file = join(dir, 'snippet.ts')
      writeFileSync(file, runtimeSnippet())
      const stores = await startBackingStores(tracker, dir)
      // The audit-anchors bucket the Deployment names, on s3rver, reached as IRSA would let the pod.
      const s3 = await startS3Server('anchors', 'turnos-psychology-audit-anchors')
      try {
        const env = {
          VERTICALS_CONFIG: join(repoRoot, 'examples', 'argentina-marketplace', 'platform.yaml'),
          VERTICALS_VERTICAL: 'psychology',
          VERTICALS_WORKLOAD: 'api',
          VERTICALS_PORT: '8080',
          NODE_ENV: 'production',
          VERTICALS_DATABASE_URL: stores.databaseUrl,
          VERTICALS_REDIS_URL: stores.redisUrl,
          VERTICALS_AUDIT_KEY: randomBytes(32).toString('hex'),
          VERTICALS_SUBJECT_KEY: randomBytes(32).toString('hex'),
          VERTICALS_AUDIT_ANCHORS_BUCKET: s3.bucket,
          AWS_REGION: 'sa-east-1',
          ...s3PodIdentity(s3.endpoint),
        }
        const tsx = join(repoRoot, 'node_modules', 'tsx', 'dist', 'loader.mjs')
        const run = await tracker.run(process.execPath, ['--import', tsx, file], {
          cwd: dir,
          env,
          timeoutMs: timeoutFor({ node: 10, psql: 20 }),
        })
        expect(run.code, describeRun('the README snippet', run)).toBe(0)
        expect(run.stdout).toBe('private false none\n')
      } finally {
        await s3.stop()
        await stores.dispose()
      }
    },
    timeoutFor({ node: 20, psql: 40 }),
  )
})
