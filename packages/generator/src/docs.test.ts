import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { generate } from './engine/generate'
import { loadConfig } from './engine/load-config'
import { EXAMPLE_CONFIG, ROOT } from './testing/fixtures'

describe('docs/generator.md', () => {
  it('shows the file counts the example config really generates', async () => {
    const doc = readFileSync(`${ROOT}docs/generator.md`, 'utf8')
    const loaded = await loadConfig(EXAMPLE_CONFIG)
    const result = generate(loaded.platform, { source: loaded.source })
    const barber = result.files.filter((f) => f.vertical === 'barber').length
    // Every file, plus manifest.json.
    const total = result.files.length + 1
    expect(doc).toContain(`  barber: ${barber} file(s) rendered in`)
    expect(doc).toContain(`wrote ${total} files to bundle: ${total} new, 0 changed, 0 unchanged, 0 removed.`)
  })
})
