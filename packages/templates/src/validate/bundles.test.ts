import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { timeoutFor } from '../../../../testing/costs'
import type { Artifact } from '../artifact'
import { validateArtifacts } from './index'

// The bundles as committed, read from disk: the infrastructure goldens (the example platform's four
// verticals) and apps/example-barber's bundle. Both must pass the strict Kubernetes and provider-
// schema checks, as generate --verify runs them.
const ROOTS = {
  goldens: fileURLToPath(new URL('../__fixtures__/infrastructure/', import.meta.url)),
  'example-barber': fileURLToPath(new URL('../../../../apps/example-barber/bundle/', import.meta.url)),
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  )
}

function infrastructure(root: string): Artifact[] {
  return files(root).flatMap((file): Artifact[] => {
    const path = relative(root, file)
    const kind = path.includes('/kubernetes/') ? 'kubernetes' : path.endsWith('.tf') ? 'terraform' : undefined
    if (!kind) return []
    return [{ path, kind, vertical: path.split('/')[0] ?? '', content: readFileSync(file, 'utf8') }]
  })
}

describe.each(Object.entries(ROOTS))('the committed %s bundle', (_name, root) => {
  const artifacts = infrastructure(root)

  it('has Kubernetes and Terraform files to check', () => {
    expect(artifacts.filter((a) => a.kind === 'kubernetes').length).toBeGreaterThan(0)
    expect(artifacts.filter((a) => a.kind === 'terraform').length).toBeGreaterThan(0)
  })

  // The infrastructure half of --verify (no promtool), for every vertical of the bundle: less than
  // one `generate --verify` of one vertical, whose promtool rule tests dominate it.
  it(
    'passes the strict Kubernetes check and the AWS provider schema check',
    async () => {
      expect(await validateArtifacts(artifacts)).toEqual([])
    },
    timeoutFor({ verify: 1 }),
  )
})
