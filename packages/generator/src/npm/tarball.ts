import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { create } from 'tar'
import type { PackageFile } from './package-files'

// npm's own choice (pacote): a date in 1985, since zip tools are confounded by files dated at the epoch.
const FIXED_MTIME = new Date('1985-10-26T08:15:00.000Z')

/** A packed package: the .tgz bytes and the checksums a registry records for them. */
export interface Tarball {
  readonly bytes: Buffer
  /** Subresource integrity, as in package-lock.json: `sha512-<base64>`. */
  readonly integrity: string
  /** Hex SHA-1 of the bytes (npm's `shasum`). */
  readonly shasum: string
}

/**
 * Packs files as npm does (entries under `package/`, gzip level 9) but deterministically: entries in
 * the given order, fixed mtimes, and portable headers (no owner, times or host modes), so the same
 * files give the same bytes on every run with the same Node.js zlib.
 */
export async function packTarball(files: readonly PackageFile[]): Promise<Tarball> {
  const stage = await mkdtemp(join(tmpdir(), 'verticals-pack-'))
  try {
    for (const file of files) {
      const target = join(stage, ...file.path.split('/'))
      await mkdir(dirname(target), { recursive: true })
      await writeFile(target, file.content, { mode: 0o644 })
    }
    const pack = create(
      { cwd: stage, prefix: 'package', gzip: { level: 9 }, portable: true, mtime: FIXED_MTIME },
      files.map((f) => f.path),
    )
    const bytes = Buffer.concat(await pack.collect())
    return {
      bytes,
      integrity: `sha512-${createHash('sha512').update(bytes).digest('base64')}`,
      shasum: createHash('sha1').update(bytes).digest('hex'),
    }
  } finally {
    await rm(stage, { recursive: true, force: true })
  }
}
