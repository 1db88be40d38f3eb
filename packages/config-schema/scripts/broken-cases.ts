import type { BrokenCase } from './broken-case.ts'
import { MONITORING_CASES } from './broken-monitoring-cases.ts'
import { NPM_CASES } from './broken-npm-cases.ts'
import { RECORDS_CASES } from './broken-records-cases.ts'
import { AWS_LIMIT_CASES, EDGE_CASES, RULE_CASES, SIZE_CASES, TENANCY_CASES } from './broken-rule-cases.ts'
import { SHAPE_CASES } from './broken-shape-cases.ts'

export type { BrokenCase } from './broken-case.ts'

/** Every case, numbered in this order: shape problems, cross-field rules, npm naming, AWS limits, then input size, then the edge, then monitoring consistency, then the records of processing (each group appended when it was added). */
export const BROKEN_CASES: BrokenCase[] = [
  ...SHAPE_CASES,
  ...RULE_CASES,
  ...NPM_CASES,
  ...AWS_LIMIT_CASES,
  ...SIZE_CASES,
  ...EDGE_CASES,
  ...MONITORING_CASES,
  ...TENANCY_CASES,
  ...RECORDS_CASES,
]

/** Renders case number `index` (0-based) from the example text: file name and contents with the expect header. */
export function renderCase(base: string, broken: BrokenCase, index: number): { name: string; text: string } {
  let text = base
  for (const [from, to] of broken.edits) {
    const count = text.split(from).length - 1
    if (count !== 1) throw new Error(`${broken.name}: "${from}" occurs ${count} times`)
    text = text.replace(from, () => to)
  }
  const body = `# placeholder\n${text}`
  const mark = body.indexOf('§')
  if (mark < 0 || body.indexOf('§', mark + 1) >= 0)
    throw new Error(`${broken.name}: needs exactly one § marker`)
  const before = body.slice(0, mark).split('\n')
  const header = `# expect: ${before.length}:${(before.at(-1) as string).length + 1} ${broken.code} ${broken.path}`
  const name = `${String(index + 1).padStart(2, '0')}-${broken.name}.yaml`
  return { name, text: body.replace('§', '').replace('# placeholder', header) }
}

/** The example without its editor schema comment, whose relative path only holds beside the example. */
export const corpusBase = (example: string): string => example.replace(/^# yaml-language-server:.*\n/, '')
