import { mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs'
import module from 'node:module'
import { dirname, join } from 'node:path'
import { debuglog } from 'node:util'
import { constants, Script } from 'node:vm'
import * as zlib from 'node:zlib'

// Node's compile cache (module.enableCompileCache) stores the code V8 compiles before a module runs,
// which is its top level only: every function a command calls is still parsed and compiled on each
// run, and for a cold `verticals validate` that is a fifth of the time (zod's parser and schema
// builders, the YAML reader, the rules). A cache V8 writes after a run holds those functions too, so
// the CLI is one CommonJS file run through vm.Script with such a cache, one file per command: V8
// reads a whole cache before the first line runs, and `--version` need not read generate's code.

const debug = debuglog('verticals:code-cache')
const MAGIC = 0x31435856 // "VXC1", little-endian
const HEADER_BYTES = 8 // magic, crc32 of the data

/**
 * The directory for the CLI's code cache: inside Node's own compile-cache directory for this Node
 * version, so NODE_COMPILE_CACHE moves it and NODE_DISABLE_COMPILE_CACHE turns it off; undefined
 * when Node's cache is off or the directory is not this user's alone (a cache file is code).
 */
export function codeCacheDir(): string | undefined {
  // Node 22.8+; typed here since the package's types follow the oldest Node it builds with.
  const nodeDir = (module as { getCompileCacheDir?: () => string | undefined }).getCompileCacheDir?.()
  if (nodeDir === undefined || typeof zlib.crc32 !== 'function') return undefined
  if (!ownedPrivately(nodeDir)) {
    debug('not using %s: another user may write to it', nodeDir)
    return undefined
  }
  return join(nodeDir, 'verticals')
}

function ownedPrivately(dir: string): boolean {
  try {
    const stat = statSync(dir)
    const uid = process.getuid?.()
    return (uid === undefined || stat.uid === uid) && (stat.mode & 0o022) === 0
  } catch {
    return false
  }
}

/**
 * The cache file's name for one command of one bundle: the bundle's content and path (as Node names
 * its own cache files) and the command key.
 */
export function codeCacheFileName(bundlePath: string, source: string, key: string): string {
  const hex = (value: number) => value.toString(16).padStart(8, '0')
  return `${hex(zlib.crc32(source))}-${source.length.toString(16)}-${hex(zlib.crc32(bundlePath))}-${key}.v8`
}

/** Reads a cache file's code; undefined when it is missing, truncated or not what was written. */
export function readCodeCache(file: string): Buffer | undefined {
  let bytes: Buffer
  try {
    bytes = readFileSync(file)
  } catch {
    return undefined
  }
  const data = bytes.subarray(HEADER_BYTES)
  if (
    bytes.length >= HEADER_BYTES &&
    bytes.readUInt32LE(0) === MAGIC &&
    zlib.crc32(data) === bytes.readUInt32LE(4)
  ) {
    return data
  }
  debug('%s is damaged: ignored', file)
  return undefined
}

/** Writes a cache file whole or not at all (a temporary file renamed over it); errors are ignored. */
export function writeCodeCache(file: string, data: Buffer): void {
  const bytes = Buffer.alloc(HEADER_BYTES + data.length)
  bytes.writeUInt32LE(MAGIC, 0)
  bytes.writeUInt32LE(zlib.crc32(data), 4)
  data.copy(bytes, HEADER_BYTES)
  const temporary = `${file}.${process.pid}.tmp`
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 })
    writeFileSync(temporary, bytes, { mode: 0o600 })
    renameSync(temporary, file)
    debug('wrote %s', file)
  } catch (error) {
    debug('could not write %s: %s', file, (error as Error).message)
    try {
      unlinkSync(temporary)
    } catch {}
  }
}

/** What the bundle exports to its launcher. */
interface BundleExports {
  COMMAND_NAMES?: readonly string[]
}

/**
 * The cache key of a run from its first argument: the command, `help` for help, version and a
 * missing command; undefined for anything else (a command is lower-case letters), whose run is not
 * cached. Whether it really is a command is known only once the bundle has run (see below).
 */
export function commandKey(first: string | undefined): string | undefined {
  if (first === undefined || first === 'help' || first.startsWith('-')) return 'help'
  return /^[a-z]{1,20}$/.test(first) ? first : undefined
}

/**
 * Runs a CommonJS bundle (the CLI) as Node would, from the code cache of this command's earlier runs
 * when there is one; when there is none (or V8 refuses it), one is written as the process exits.
 */
export function runWithCodeCache(bundlePath: string, first: string | undefined): void {
  const source = readFileSync(bundlePath, 'utf8')
  const dir = codeCacheDir()
  const key = commandKey(first)
  const file =
    dir === undefined || key === undefined ? undefined : join(dir, codeCacheFileName(bundlePath, source, key))
  const cached = file === undefined ? undefined : readCodeCache(file)
  // The wrapper is Node's own for CommonJS, so the bundle sees require, module and __filename.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n});`, {
    filename: bundlePath,
    cachedData: cached,
    importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  })
  if (cached) debug('%s: cache %s', file, script.cachedDataRejected ? 'rejected' : 'accepted')
  const bundle = { exports: {} as BundleExports }
  const run = script.runInThisContext() as (...args: unknown[]) => void
  run.call(
    bundle.exports,
    bundle.exports,
    module.createRequire(bundlePath),
    bundle,
    bundlePath,
    dirname(bundlePath),
  )
  if (file === undefined || key === undefined || (cached !== undefined && !script.cachedDataRejected)) return
  // A mistyped command is not worth a file of its own.
  if (key !== 'help' && !bundle.exports.COMMAND_NAMES?.includes(key)) return
  // At exit V8 has compiled everything this command ran; a cache made now holds all of it.
  process.once('exit', () => writeCodeCache(file, script.createCachedData()))
}
