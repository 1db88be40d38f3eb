import { readFile } from 'node:fs'
import { resolve } from 'node:path'
import { PlatformError } from '@verticals/config-schema'

// Reading the file is all `verticals validate` and `verticals cost` need of the engine: this module
// keeps them from loading load-config's hashing (node:crypto) for a checksum they never print. It
// reads with node:fs's callback API: node:fs/promises costs 2 ms to load, a tenth of what validate
// itself does.

// The usual reasons a path cannot be read, in words; anything else keeps the system's message.
const UNREADABLE_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a directory, not a file',
  EACCES: 'permission denied',
  ENOTDIR: 'a part of the path is not a directory',
}

/** Reads the raw bytes of a config file, as CONFIG_UNREADABLE when it cannot be read. */
export async function readConfigBytes(file: string, cwd: string): Promise<Buffer> {
  try {
    return await new Promise<Buffer>((done, fail) =>
      readFile(resolve(cwd, file), (error, bytes) => (error ? fail(error) : done(bytes))),
    )
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const reason = (code && UNREADABLE_REASONS[code]) ?? (error as Error).message
    throw new PlatformError('CONFIG_UNREADABLE', `Cannot read ${file}: ${reason}.`, {
      hint: 'Pass the path of your platform.yaml, relative to the current directory or absolute.',
      cause: error,
    })
  }
}
