// Collects every package's .bench-results.json into BENCHMARKS.md, with the machine they ran on.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'

const entries = []
for (const root of ['packages', 'apps', 'tools']) {
  for (const name of existsSync(root) ? readdirSync(root).sort() : []) {
    const file = join(root, name, '.bench-results.json')
    if (existsSync(file)) entries.push(...JSON.parse(readFileSync(file, 'utf8')))
  }
}
const cpu = os.cpus()[0]?.model ?? 'unknown CPU'
const lines = [
  '# Benchmarks',
  '',
  'Written by `npm run bench`; each figure is a median over repeated runs on the machine below.',
  'Ratios compare against the raw baseline measured in the same run; where the two were sampled in',
  "alternation, the ratio is the median of the pairs' ratios, not the ratio of the two medians.",
  '',
  `Machine: ${os.cpus().length} x ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node.js ${process.version}.`,
  '',
]
const groups = [...new Set(entries.map((e) => e.group))]
for (const group of groups) {
  lines.push(
    `## ${group}`,
    '',
    '| benchmark | result | baseline | ratio | target | met |',
    '|---|---|---|---|---|---|',
  )
  for (const e of entries.filter((x) => x.group === group)) {
    const value = `${Number(e.value.toPrecision(4))} ${e.unit}`
    const base = e.baseline ? `${e.baseline.name}: ${Number(e.baseline.value.toPrecision(4))} ${e.unit}` : ''
    // A paired measurement carries its own ratio (the median of per-pair ratios, report.ts).
    const ratio = e.baseline ? `${(e.ratio ?? e.value / e.baseline.value).toFixed(2)}x` : ''
    lines.push(`| ${e.name} | ${value} | ${base} | ${ratio} | ${e.target} | ${e.met ? 'yes' : '**no**'} |`)
  }
  const notes = entries.filter((x) => x.group === group && x.notes)
  if (notes.length) lines.push('', ...notes.map((e) => `- ${e.name}: ${e.notes}`))
  lines.push('')
}
writeFileSync('BENCHMARKS.md', `${lines.join('\n')}`)
console.log(
  `BENCHMARKS.md: ${entries.length} results, ${entries.filter((e) => !e.met).length} targets missed`,
)
