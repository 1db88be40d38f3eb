import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { timeoutFor } from '../../../../../testing/costs'
import { runCli } from '../../cli/run'
import { startTestS3Server, type TestS3Server } from '../../publish/s3-test-server'

const example = fileURLToPath(
  new URL('../../../../../examples/argentina-marketplace/platform.yaml', import.meta.url),
)

let server: TestS3Server
let work: string
beforeAll(async () => {
  server = await startTestS3Server()
  work = await mkdtemp(join(tmpdir(), 'verticals-publish-cli-'))
})
afterAll(async () => {
  await server?.stop()
  if (work) await rm(work, { recursive: true, force: true })
})

async function cli(...argv: string[]) {
  let stdout = ''
  let stderr = ''
  const io = {
    cwd: work,
    stdout: { write: (c: string) => (stdout += c) },
    stderr: { write: (c: string) => (stderr += c) },
  }
  const code = await runCli(argv, io)
  return { code, stdout, stderr }
}

const s3 = () => [
  '--endpoint',
  server.clientOptions.endpoint!,
  '--request-checksums',
  'WHEN_REQUIRED',
  '--response-checksums',
  'WHEN_REQUIRED',
]

// Six CLI runs, each rendering and uploading (or downloading) one vertical's bundle.
describe('verticals publish / fetch exit codes', { timeout: timeoutFor({ generate: 6 }) }, () => {
  it('0 published, 0 unchanged, 1 refused, then fetch 0 and 1 on a tampered object', async () => {
    const publish = (config: string) =>
      cli('publish', config, '--bucket', server.bucket, '--prefix', 'cli', '--vertical', 'barber', ...s3())
    expect(await publish(example)).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^barber 1\.0\.0: published \d+ file\(s\)/),
    })
    expect(await publish(example)).toMatchObject({ code: 0, stdout: expect.stringMatching(/unchanged/) })

    const changed = join(work, 'changed.yaml')
    await writeFile(
      changed,
      (await readFile(example, 'utf8')).replace('displayName: Turnos Argentina', 'displayName: Turnos AR'),
    )
    const refused = await publish(changed)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/Refusing to overwrite published version/)
    expect(refused.stderr).toMatch(/hint: Published versions are immutable/)

    const url = `s3://${server.bucket}/cli/barber/1.0.0`
    const fetched = await cli('fetch', url, '--out', 'barber', '--json', ...s3())
    expect(fetched.code).toBe(0)
    expect(JSON.parse(fetched.stdout)).toMatchObject({ vertical: 'barber', version: '1.0.0', out: 'barber' })

    const { PutObjectCommand } = await import('@aws-sdk/client-s3')
    const { createS3Client } = await import('../../publish/s3-client')
    const victim = JSON.parse(fetched.stdout).files[0].path as string
    const client = createS3Client(server.clientOptions)
    await client.send(
      new PutObjectCommand({ Bucket: server.bucket, Key: `cli/barber/1.0.0/${victim}`, Body: 'tampered' }),
    )
    client.destroy()
    const tampered = await cli('fetch', url, '--out', 'barber', ...s3())
    expect(tampered.code).toBe(1)
    expect(tampered.stderr).toContain(`${victim} (${url}/${victim}) has sha256`)
  })

  it('2 for usage errors: a missing --bucket or --out, a bad checksum mode', async () => {
    expect((await cli('publish', example)).code).toBe(2)
    expect((await cli('fetch', 's3://b/barber/1.0.0')).code).toBe(2)
    const help = await cli('publish', '--help')
    expect(help.stdout).toMatch(/--bucket <b>/)
    expect(help.stdout).toMatch(/standard AWS chain/)
    const bad = await cli('fetch', 'https://x/barber/1.0.0', '--out', 'o', ...s3())
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/is not an S3 URL/)
  })
})
