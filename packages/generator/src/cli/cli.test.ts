import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { timeoutFor } from '../../../../testing/costs'
import { PACKAGE_DIR } from '../testing/fixtures'
import { hasStackTrace, verticals } from '../testing/spawn-cli'
import { COMMANDS } from './commands'

const version = JSON.parse(readFileSync(`${PACKAGE_DIR}package.json`, 'utf8')).version

describe('verticals (the built binary)', { timeout: timeoutFor({ cli: 4 }) }, () => {
  it('prints its version', async () => {
    expect(await verticals(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' })
  })

  it('lists every command in --help and exits 0; with no arguments it prints help and exits 2', async () => {
    const help = await verticals(['--help'])
    expect(help.code).toBe(0)
    for (const name of Object.keys(COMMANDS)) expect(help.stdout).toMatch(new RegExp(`^  ${name} `, 'm'))
    expect(help.stdout).toContain('Exit codes')
    const bare = await verticals([])
    expect(bare.code).toBe(2)
    expect(bare.stdout).toBe(help.stdout)
  })

  it.each(Object.keys(COMMANDS))('%s --help shows its usage and exits 0', async (name) => {
    const run = await verticals([name, '--help'])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`Usage: verticals ${name}`)
    expect((await verticals(['help', name])).stdout).toBe(run.stdout)
  })

  it.each([
    [['bogus'], /unknown command "bogus"/],
    [['help', 'bogus'], /unknown command "bogus"/],
    [['validate'], /validate: missing <config>/],
    [['validate', 'a.yaml', 'b.yaml'], /unexpected argument "b.yaml"/],
    [['validate', 'a.yaml', '--colour'], /Unknown option '--colour'/],
    [['generate', 'a.yaml'], /generate: missing --out <dir>/],
    [['check', 'a.yaml'], /check: missing --out <dir>/],
    [['diff', 'a.yaml', '--out'], /argument missing/],
    [['pack', 'a.yaml'], /pack: missing --out <dir>/],
    [['verify'], /verify: missing <dir>/],
    [['publish', 'a.yaml'], /publish: missing --bucket <b> or --registry <url>/],
    [['publish', 'a.yaml', '--bucket', 'b', '--registry', 'http://r'], /not both/],
    [['publish', 'a.yaml', '--bucket', 'b', '--dry-run'], /--dry-run is for --registry only/],
    [['fetch', 's3://b/x/1.0.0', '--out', 'o', '--registry', 'http://r'], /--registry is for npm:/],
  ])('usage error %j exits 2 with a pointer to help', async (args, message) => {
    const run = await verticals(args)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(message)
    expect(run.stderr).toMatch(/Run `verticals( [a-z]+)? --help` for usage\./)
    expect(hasStackTrace(run.stderr)).toBe(false)
  })
})
