import {
  DATA_CATEGORIES,
  JURISDICTION_FACTS,
  RECORDS_SOURCES,
  TRANSFER_SOURCES,
} from '@verticals/config-schema'
import { RETENTION_STALE_FACTOR } from '@verticals/observability'
import { expect, test } from 'vitest'
import { AWS_API_PORT } from '../infrastructure/toolchain'
import { formatDuration } from '../text/format'
import { buildVertical, examplePlatform } from './testing'

// Every number a document prints traces to the config: it is a number of the resolved platform (as
// written, or as formatDuration writes a duration), or part of a string the config or the legal facts
// hold ("Ley 25.326").
// A figure typed into a template or a builder would fail here; named toolchain facts are listed below.

const platform = examplePlatform()

function allowedNumbers(): Set<string> {
  // The AWS API port is a protocol fact of the toolchain, named in one place, not a config value.
  const allowed = new Set<string>([String(RETENTION_STALE_FACTOR), String(AWS_API_PORT)])
  const add = (n: number) => {
    allowed.add(String(n))
    if (n > 0) allowed.add(formatDuration(n).split(' ')[0] as string)
  }
  const visit = (value: unknown): void => {
    if (typeof value === 'number') add(value)
    else if (typeof value === 'string') for (const m of value.match(/\d+(\.\d+)?/g) ?? []) allowed.add(m)
    else if (value && typeof value === 'object') Object.values(value).forEach(visit)
  }
  visit(platform)
  // The legal facts of config-schema: a DPIA names laws the config does not declare (GDPR for biometrics).
  visit(JURISDICTION_FACTS)
  visit(DATA_CATEGORIES)
  // The norms the records of processing cite for transfers, the DPO and the AAIP registration.
  visit(TRANSFER_SOURCES)
  visit(RECORDS_SOURCES)
  add(RETENTION_STALE_FACTOR * platform.retention.runEvery)
  return allowed
}

test.each(Object.keys(platform.verticals))('%s: every number in a document comes from the config', (name) => {
  const allowed = allowedNumbers()
  for (const artifact of buildVertical(platform, name).filter((a) => a.path.endsWith('.md'))) {
    // Unescape Markdown so that "25\.326" reads as the config wrote it; skip digits inside words (p95).
    // Paths of bundle files (the Enforced by column names them) are names, not figures.
    const text = artifact.content
      .replace(/\\(.)/g, '$1')
      .replace(/ in [a-z0-9-]+\/(infrastructure|compliance)\/[^\s;|]+/g, '')
    const numbers = text.match(/(?<![A-Za-z0-9.])\d+(\.\d+)?/g) ?? []
    expect(numbers.length).toBeGreaterThan(0)
    expect(
      numbers.filter((n) => !allowed.has(n)),
      artifact.path,
    ).toEqual([])
  }
})
