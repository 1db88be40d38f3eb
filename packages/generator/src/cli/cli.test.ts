import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { timeoutFor } from '../../../../testing/costs'
import { PACKAGE_DIR } from '../testing/fixtures'
import { verticalsInProcess } from '../testing/run-cli'
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

  it('exits 2 on a usage error with one line and a pointer to help, and with --json one error object', async () => {
    const run = await verticals(['bogus'])
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: expect.stringContaining('verticals: unknown command "bogus"'),
    })
    expect(run.stderr.split('\n')[1]).toBe('Run `verticals --help` for usage.')
    expect(hasStackTrace(run.stderr)).toBe(false)
    const json = await verticals(['validate', '--json', '--bogus'])
    expect(json.code).toBe(2)
    expect(JSON.parse(json.stdout).error.code).toBe('USAGE')
  })
})

// The tables below hold the words and exit codes of every command's help and usage errors. They run
// runCli, the function the binary calls with its argv (bin: src/cli.ts), in this process: the binary's
// own process behaviour is the describe above; a Node start per case would prove nothing more.
describe('verticals help and usage errors (runCli, in process)', () => {
  it.each(Object.keys(COMMANDS))('%s --help shows its usage and exits 0', async (name) => {
    const run = await verticalsInProcess([name, '--help'])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`Usage: verticals ${name}`)
    expect((await verticalsInProcess(['help', name])).stdout).toBe(run.stdout)
  })

  // The exact words, since they are the interface a person reads: one line, then the pointer to help.
  it.each([
    [
      ['bogus'],
      'unknown command "bogus" (commands: validate, cost, generate, check, diff, schema, pack, verify, publish, fetch)',
    ],
    [['valdate', 'a.yaml'], 'unknown command "valdate" (did you mean "validate"?)'],
    [['help', 'genrate'], 'unknown command "genrate" (did you mean "generate"?)'],
    [['validate'], 'validate: missing <config>'],
    [['validate', 'a.yaml', 'b.yaml'], 'validate: unexpected argument "b.yaml"'],
    [['validate', 'a.yaml', '--jsno'], 'validate: unknown option --jsno (did you mean --json?)'],
    [
      ['validate', 'a.yaml', '--colour'],
      'validate: unknown option --colour (validate takes --help and --json)',
    ],
    [
      ['validate', 'a.yaml', '--vertical', 'x'],
      'validate: unknown option --vertical (generate, check, diff, pack and publish take it)',
    ],
    [['validate', 'a.yaml', '--json=yes'], 'validate: --json takes no value'],
    [
      ['generate', 'a.yaml', '--out', 'b', '--vertcal', 'x'],
      'generate: unknown option --vertcal (did you mean --vertical?)',
    ],
    [['generate', 'a.yaml'], 'generate: missing --out <dir>'],
    [['check', 'a.yaml'], 'check: missing --out <dir>'],
    [['diff', 'a.yaml', '--out'], 'diff: --out needs a value: --out <dir>'],
    [['diff', 'a.yaml', '--out', '--json'], 'diff: --out needs a value: --out <dir>'],
    [
      ['publish', 'a.yaml', '--bucket', 'b', '--request-checksums', 'WHEN_REQUIRD'],
      'publish: --request-checksums WHEN_REQUIRD is not allowed (did you mean WHEN_REQUIRED?)',
    ],
    [['pack', 'a.yaml'], 'pack: missing --out <dir>'],
    [['verify'], 'verify: missing <dir>'],
    [['publish', 'a.yaml'], 'publish: missing --bucket <b> or --registry <url>'],
    [
      ['publish', 'a.yaml', '--bucket', 'b', '--registry', 'http://r'],
      'publish: pass --bucket or --registry, not both',
    ],
    [['publish', 'a.yaml', '--bucket', 'b', '--dry-run'], 'publish: --dry-run is for --registry only'],
    [
      ['publish', 'a.yaml', '--registry', 'http://r', '--access', 'publc'],
      'publish: --access publc is not allowed (did you mean public?)',
    ],
    [
      ['fetch', 's3://b/x/1.0.0', '--out', 'o', '--registry', 'http://r'],
      'fetch: --registry is for npm:<name>@<version> sources only',
    ],
    [
      ['fetch', 's3://b/v/1', '--out', 'd', '--response-checksums', 'never'],
      'fetch: --response-checksums never is not allowed (one of WHEN_SUPPORTED and WHEN_REQUIRED)',
    ],
  ])('usage error %j exits 2 with one line and a pointer to help', async (args, message) => {
    const run = await verticalsInProcess(args)
    expect(run.code).toBe(2)
    const help = ['help', 'bogus', 'valdate'].includes(args[0]!)
      ? 'verticals --help'
      : `verticals ${args[0]} --help`
    expect(run.stderr).toBe(`verticals: ${message}\nRun \`${help}\` for usage.\n`)
    expect(hasStackTrace(run.stderr)).toBe(false)
  })

  it.each(Object.keys(COMMANDS))(
    '%s takes --json, and a failure with --json leaves one error object on stdout',
    async (name) => {
      expect((await verticalsInProcess([name, '--help'])).stdout).toContain('--json')
      const run = await verticalsInProcess([name, '--json', '--bogus'])
      expect(run.code).toBe(2)
      expect(JSON.parse(run.stdout)).toEqual({
        error: {
          code: 'USAGE',
          message: expect.stringMatching(
            new RegExp(`^${name}: unknown option --bogus \\(${name} takes --.* and --json\\)$`),
          ),
          hint: `Run \`verticals ${name} --help\` for usage.`,
          diagnostics: [],
        },
      })
    },
  )
})
