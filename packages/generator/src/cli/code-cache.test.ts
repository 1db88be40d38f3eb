import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { timeoutFor } from '../../../../testing/costs'
import { EXAMPLE_CONFIG } from '../testing/fixtures'
import { verticals } from '../testing/spawn-cli'
import { tempDir } from '../testing/temp-dir'
import { codeCacheFileName, commandKey, readCodeCache, writeCodeCache } from './code-cache'

describe('the code cache file', () => {
  it('reads back what was written, and nothing from a damaged, truncated or foreign file', () => {
    const file = join(tempDir(), 'nested', 'a.v8')
    const data = Buffer.from('bytecode, as V8 would write it')
    writeCodeCache(file, data)
    expect(readCodeCache(file)).toEqual(data)
    const bytes = readFileSync(file)
    const flipped = Buffer.from(bytes)
    flipped.writeUInt8(flipped.readUInt8(bytes.length - 1) ^ 1, bytes.length - 1)
    writeFileSync(file, flipped)
    expect(readCodeCache(file)).toBeUndefined()
    writeFileSync(file, bytes.subarray(0, bytes.length - 3))
    expect(readCodeCache(file)).toBeUndefined()
    writeFileSync(file, bytes.subarray(0, 5))
    expect(readCodeCache(file)).toBeUndefined()
    writeFileSync(file, Buffer.concat([Buffer.from('XXXX'), bytes.subarray(4)]))
    expect(readCodeCache(file)).toBeUndefined()
    expect(readCodeCache(join(tempDir(), 'missing.v8'))).toBeUndefined()
  })

  it('leaves no file behind when the directory cannot be written', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'plain-file'), '')
    // A path under a regular file cannot be created; the run goes on without a cache.
    expect(() => writeCodeCache(join(dir, 'plain-file', 'a.v8'), Buffer.from('x'))).not.toThrow()
    expect(readdirSync(dir)).toEqual(['plain-file'])
  })

  it('is named after the bundle content, its path and the command', () => {
    const name = codeCacheFileName('/a/cli-bundle.cjs', 'let a = 1', 'validate')
    expect(name).toMatch(/^[0-9a-f]{8}-9-[0-9a-f]{8}-validate\.v8$/)
    // Same length, other content: V8 checks only the length, so the name must differ.
    expect(codeCacheFileName('/a/cli-bundle.cjs', 'let b = 1', 'validate')).not.toBe(name)
    expect(codeCacheFileName('/b/cli-bundle.cjs', 'let a = 1', 'validate')).not.toBe(name)
    expect(codeCacheFileName('/a/cli-bundle.cjs', 'let a = 1', 'generate')).not.toBe(name)
  })

  it('is keyed by command; help, version and no command share one key; anything else is not cached', () => {
    expect(commandKey('validate')).toBe('validate')
    for (const first of [undefined, 'help', '--help', '-h', '--version', '-v'])
      expect(commandKey(first)).toBe('help')
    for (const first of ['Validate', '../x', 'a'.repeat(21), 'gen-erate', ''])
      expect(commandKey(first)).toBeUndefined()
  })
})

describe('verticals runs from its code cache', { timeout: timeoutFor({ cli: 10 }) }, () => {
  // Node's compile-cache directory is set per test, so each starts without a cache.
  const run = (args: readonly string[], cacheDir: string, env: Record<string, string> = {}) =>
    verticals(args, { env: { NODE_COMPILE_CACHE: cacheDir, NODE_DEBUG: 'verticals:code-cache', ...env } })
  const validate = ['validate', EXAMPLE_CONFIG]
  const cacheFiles = (cacheDir: string) =>
    readdirSync(cacheDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.v8'))

  it('writes a cache on a command first run and runs from it on the next, with the same output', async () => {
    const cacheDir = tempDir()
    const first = await run(validate, cacheDir)
    expect(first.code, first.stderr).toBe(0)
    expect(first.stderr).toMatch(/wrote .*-validate\.v8/)
    const [file] = cacheFiles(cacheDir)
    expect(file).toMatch(/verticals\/[0-9a-f]{8}-[0-9a-f]+-[0-9a-f]{8}-validate\.v8$/)
    const second = await run(validate, cacheDir)
    expect(second.stderr).toMatch(/-validate\.v8: cache accepted/)
    expect(second.stderr).not.toContain('wrote')
    expect(second.stdout).toBe(first.stdout)
    // Another command has its own file; version and help share one.
    await run(['--version'], cacheDir)
    expect((await run(['--help'], cacheDir)).stderr).toMatch(/-help\.v8: cache accepted/)
    expect(
      cacheFiles(cacheDir)
        .map((f) => f.replace(/.*-/, ''))
        .sort(),
    ).toEqual(['help.v8', 'validate.v8'])
  })

  it('replaces a damaged cache or one V8 refuses, and caches nothing for a mistyped command', async () => {
    const cacheDir = tempDir()
    await run(validate, cacheDir)
    const file = join(cacheDir, cacheFiles(cacheDir)[0]!)
    const bytes = readFileSync(file)
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 1, bytes.length - 1)
    writeFileSync(file, bytes)
    const damaged = await run(validate, cacheDir)
    expect(damaged.code).toBe(0)
    expect(damaged.stderr).toMatch(/damaged: ignored[\s\S]*wrote/)
    // Well framed, but not V8's: V8 rejects it and the run compiles as without a cache.
    writeCodeCache(file, Buffer.from('not a code cache'))
    const rejected = await run(validate, cacheDir)
    expect(rejected.code).toBe(0)
    expect(rejected.stderr).toMatch(/cache rejected[\s\S]*wrote/)
    expect((await run(validate, cacheDir)).stderr).toMatch(/cache accepted/)
    const typo = await run(['valdiate'], cacheDir)
    expect(typo.code).toBe(2)
    expect(cacheFiles(cacheDir)).toHaveLength(1)
  })

  it('keeps no cache when Node is told not to, or when others may write to its directory', async () => {
    const cacheDir = tempDir()
    const off = await run(validate, cacheDir, { NODE_DISABLE_COMPILE_CACHE: '1' })
    expect(off.code).toBe(0)
    expect(cacheFiles(cacheDir)).toEqual([])
    await run(validate, cacheDir)
    expect(cacheFiles(cacheDir)).toHaveLength(1)
    // Node keeps its cache in a directory per Node version inside; a cache is code, so one in a
    // directory others may write to is neither read nor written.
    const [versionDir] = readdirSync(cacheDir)
    chmodSync(join(cacheDir, versionDir!), 0o777)
    const open = await run(validate, cacheDir)
    expect(open.code).toBe(0)
    expect(open.stderr).toContain('another user may write to it')
    expect(open.stderr).not.toMatch(/accepted|wrote/)
  })
})
