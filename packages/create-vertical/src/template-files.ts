import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The template project shipped in the package (`template/` beside `dist/` and `src/`). */
export const TEMPLATE_DIR = fileURLToPath(new URL('../template/', import.meta.url))

// npm drops .gitignore from published packages and tools treat .github specially: the template
// stores them with a leading underscore and they are renamed on copy.
const RENAMES: Readonly<Record<string, string>> = { _gitignore: '.gitignore', _github: '.github' }

/** Every file of the template by its path in the scaffold (`/`-separated, dotfiles renamed). */
export async function readTemplate(dir: string = TEMPLATE_DIR): Promise<Map<string, string>> {
  const files = new Map<string, string>()
  const walk = async (from: string, prefix: string): Promise<void> => {
    const entries = await readdir(from, { withFileTypes: true })
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name === 'node_modules') continue
      const name = prefix === '' ? (RENAMES[entry.name] ?? entry.name) : entry.name
      const path = prefix === '' ? name : `${prefix}/${name}`
      if (entry.isDirectory()) await walk(join(from, entry.name), path)
      else files.set(path, await readFile(join(from, entry.name), 'utf8'))
    }
  }
  await walk(dir, '')
  return files
}
