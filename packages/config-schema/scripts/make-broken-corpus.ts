import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { BROKEN_CASES, corpusBase, renderCase } from './broken-cases.ts'

// Writes src/__fixtures__/broken/NN-name.yaml from BROKEN_CASES. Run: npx tsx scripts/make-broken-corpus.ts
const example = fileURLToPath(
  new URL('../../../examples/argentina-marketplace/platform.yaml', import.meta.url),
)
const out = fileURLToPath(new URL('../src/__fixtures__/broken/', import.meta.url))
const base = corpusBase(readFileSync(example, 'utf8'))

mkdirSync(out, { recursive: true })
for (const file of readdirSync(out)) if (file.endsWith('.yaml')) rmSync(`${out}${file}`)
BROKEN_CASES.forEach((broken, i) => {
  const { name, text } = renderCase(base, broken, i)
  writeFileSync(`${out}${name}`, text)
})
console.log(`wrote ${BROKEN_CASES.length} broken configs to ${out}`)
