import { describe, expect, test } from 'vitest'
import { markdownInline } from '../text/escape'
import { HOSTILE, hostilePlatform } from './hostile'
import { lintMarkdown, markdownStructure } from './markdown-lint'
import { buildVertical, examplePlatform } from './testing'

// Hostile text (new lines, pipes, #, *, backticks, HTML, links, autolinks, setext underlines, indented
// code) in every string field of the resolved example cannot change a document's structure: the same
// headings, tables with the same columns and rows, no link, no new HTML, as with the clean config.

const clean = examplePlatform()
const { platform: dirty, mutated } = hostilePlatform(clean)
const escaped = markdownInline(HOSTILE)

function structure(text: string) {
  const s = markdownStructure(text)
  // Heading text carries the hostile (escaped) names; the number and depth of headings must not change.
  return { ...s, headings: s.headings.map((h) => h.split(' ')[0]) }
}

describe.each(Object.keys(clean.verticals))('%s', (name) => {
  const before = buildVertical(clean, name).filter((a) => a.path.endsWith('.md'))
  const after = buildVertical(dirty, name).filter((a) => a.path.endsWith('.md'))

  test('writes the same Markdown files', () => {
    expect(after.map((a) => a.path)).toEqual(before.map((a) => a.path))
  })

  test.each(before.map((a) => a.path))('%s keeps its structure', (path) => {
    const cleanText = before.find((a) => a.path === path)!.content
    const dirtyText = after.find((a) => a.path === path)!.content
    expect(dirtyText).toContain(escaped)
    expect(structure(dirtyText)).toEqual(structure(cleanText))
    expect(markdownStructure(dirtyText).links).toBe(0)
    expect(lintMarkdown(dirtyText)).toEqual([])
    expect(dirtyText).not.toMatch(/<script|<div|\]\(javascript/)
  })
})

// Fields each document prints, read from the hostile platform: each must appear, escaped.
const PRINTED: Readonly<Record<string, (p: typeof dirty) => string>> = {
  'retention-schedule.md': (p) => Object.values(p.retention.recordClasses)[0]!.description,
  'records-of-processing.md': (p) => p.dataResidency.transfers[0]!.reference!,
  'dsr.md': (p) => p.jurisdictions[0]!.deadlines.erasure.source,
  'dpia.md': (p) => p.security.encryptionAtRest,
  'incident-response.md': (p) => Object.values(p.incidents.severities)[0]!.definition,
  'disaster-recovery.md': (p) => p.maintenance.timeZone,
}

test.each(Object.entries(PRINTED))('%s prints its hostile fields escaped', (file, field) => {
  const doc = buildVertical(dirty, 'psychology').find((a) => a.path.endsWith(`/${file}`))!
  expect(field(dirty).endsWith(HOSTILE)).toBe(true)
  expect(doc.content).toContain(markdownInline(field(dirty)))
})

test('the hostile platform mutates the fields the documents print', () => {
  for (const field of [
    'metadata.controller.name',
    'metadata.controller.contact',
    'dataResidency.transferReference',
    'dataResidency.transfers.0.reference',
    'recipients.twilio.purpose',
    'regions.0.name',
    'jurisdictions.0.law',
    'jurisdictions.0.deadlines.access.source',
    'security.headers.contentSecurityPolicy',
    'maintenance.timeZone',
  ])
    expect(mutated).toContain(field)
  expect(mutated.some((m) => /^incidents\.severities\..+\.escalation\.0$/s.test(m))).toBe(true)
  expect(mutated.some((m) => /^consent\.purposes\..+\.description$/s.test(m))).toBe(true)
})
