import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { RUNBOOK_ANCHORS, runbookPath } from '@verticals/observability'
import { describe, expect, test } from 'vitest'
import { BUILTIN_TEMPLATES_DIR } from '../paths'
import { RUNBOOK_ANCHOR_NAMES, RUNBOOK_SECTIONS } from './incident-response'
import { lexTokens } from './markdown-lint'
import { artifactAt, buildVertical, examplePlatform } from './testing'

const DIRS = ['compliance', 'runbooks']
const templates = DIRS.flatMap((dir) =>
  readdirSync(join(BUILTIN_TEMPLATES_DIR, dir)).map((file) => ({
    name: `${dir}/${file}`,
    source: readFileSync(join(BUILTIN_TEMPLATES_DIR, dir, file), 'utf8'),
  })),
)

describe('compliance and runbook templates', () => {
  test.each(templates.map((t) => [t.name, t.source]))(
    '%s types no figure: every number comes from the view',
    (_, source) => {
      // Drop handlebars expressions and code spans (config paths such as `slo.latencyP95`); what remains is
      // prose, where a standalone number would be a figure the config does not control.
      const prose = source.replace(/\{\{[^}]*\}\}/g, ' ').replace(/`[^`]*`/g, ' ')
      expect(prose.match(/(?<![A-Za-z0-9])\d+/g)).toBeNull()
    },
  )
})

describe('incident-response.md anchors', () => {
  const platform = examplePlatform()
  const doc = artifactAt(buildVertical(platform, 'barber'), 'barber/runbooks/incident-response.md').content
  const ids = lexTokens(doc)
    .filter((t) => t.type === 'html')
    .map((t) => /^<a id="([^"]+)">$/.exec((t.raw ?? '').trim())?.[1])
    .filter((id): id is string => id !== undefined)

  test('every alert section has its kebab-case anchor, once, and no other anchor exists', () => {
    expect([...ids].sort()).toEqual([...RUNBOOK_ANCHOR_NAMES].sort())
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/)
  })

  test('the anchors the alert rules link to exist', () => {
    for (const anchor of [
      'service-down',
      'postgres-down',
      'redis-down',
      'latency-high',
      'error-rate-high',
      'error-count-high',
      'cpu-high',
      'memory-high',
      'database-cpu-high',
      'pool-saturation',
      'cache-hit-rate-low',
      'dsr-deadline-near',
      'dsr-overdue',
      'breach-notification-due',
      'retention-stale',
      'payment-success-low',
      'slo-burn-rate',
    ])
      expect(ids).toContain(anchor)
  })

  test('every runbook_url the observability alert rules write resolves to a section', () => {
    expect(runbookPath('barber')).toBe('barber/runbooks/incident-response.md')
    for (const anchor of Object.values(RUNBOOK_ANCHORS)) expect(ids).toContain(anchor)
  })

  test('every configured alert has a section', () => {
    const covered = new Set<string>(Object.keys(RUNBOOK_SECTIONS))
    for (const alert of Object.keys(platform.alerts)) expect(covered).toContain(alert)
  })

  test('each anchor sits right before its section heading', () => {
    const lines = doc.split('\n')
    for (const section of Object.values(RUNBOOK_SECTIONS)) {
      const at = lines.findIndex((l) => l.startsWith(`<a id="${section.anchor}"></a>`))
      expect(lines[at + 1]).toBe('')
      expect(lines[at + 2]).toMatch(/^### /)
    }
  })
})
