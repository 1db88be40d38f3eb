import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestS3Server, type TestS3Server } from '../../publish/s3-test-server'
import { fetchCommand } from '../fetch/index'
import { generateCommand } from '../generate/index'
import { publishCommand } from './index'

const example = fileURLToPath(
  new URL('../../../../../examples/argentina-marketplace/platform.yaml', import.meta.url),
)

let server: TestS3Server
let work: string
let s3: { endpoint: string; requestChecksums: string; responseChecksums: string }
beforeAll(async () => {
  server = await startTestS3Server()
  work = await mkdtemp(join(tmpdir(), 'verticals-publish-cmd-'))
  s3 = {
    endpoint: server.clientOptions.endpoint!,
    requestChecksums: 'when_required',
    responseChecksums: 'WHEN_REQUIRED',
  }
})
afterAll(async () => {
  await server?.stop()
  if (work) await rm(work, { recursive: true, force: true })
})

function collector() {
  let text = ''
  return { write: (chunk: string) => (text += chunk), text: () => text }
}

async function tree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      out[relative(dir, join(entry.parentPath, entry.name))] = await readFile(
        join(entry.parentPath, entry.name),
        'utf8',
      )
  }
  return out
}

describe('verticals publish / fetch on the example config', () => {
  it('publishes every vertical of the real bundle, re-publishes as a no-op, and fetches back what generate writes', async () => {
    const stdout = collector()
    const stderr = collector()
    const code = await publishCommand({
      config: example,
      bucket: server.bucket,
      prefix: 'example',
      ...s3,
      stdout,
      stderr,
      cwd: work,
    })
    expect(code).toBe(0)
    const lines = stdout.text().trim().split('\n')
    expect(lines.length).toBeGreaterThan(0)
    for (const line of lines)
      expect(line).toMatch(/^[a-z]+ 1\.0\.0: published \d+ file\(s\) at s3:\/\/.+\/example\/[a-z]+\/1\.0\.0$/)
    expect(stderr.text()).toMatch(/writing manifest\.json/)

    const again = collector()
    expect(
      await publishCommand({
        config: example,
        bucket: server.bucket,
        prefix: 'example',
        ...s3,
        stdout: again,
        stderr: collector(),
        cwd: work,
      }),
    ).toBe(0)
    expect(again.text()).toMatch(/unchanged/)
    expect(again.text()).not.toMatch(/: published/)

    const generated = join(work, 'generated')
    expect(
      await generateCommand({
        config: example,
        out: generated,
        cwd: work,
        stdout: collector(),
        stderr: collector(),
      }),
    ).toBe(0)
    const vertical = lines[0]!.split(' ')[0]!
    const fetched = join(work, 'fetched')
    const fetchOut = collector()
    const url = `s3://${server.bucket}/example/${vertical}/1.0.0`
    expect(
      await fetchCommand({ url, out: 'fetched', ...s3, cwd: work, stdout: fetchOut, stderr: collector() }),
    ).toBe(0)
    expect(fetchOut.text()).toMatch(
      new RegExp(`^fetched ${vertical} 1\\.0\\.0 \\(\\d+ file\\(s\\), sha256 verified\\) to fetched\\n$`),
    )
    const { 'manifest.json': manifest, ...files } = await tree(fetched)
    expect(files).toEqual(await tree(join(generated, vertical)))
    expect(JSON.parse(manifest!).version).toBe('1.0.0')
  })

  it('refuses to republish a version from a changed config, and publishes it under --version', async () => {
    const changed = join(work, 'changed.yaml')
    await writeFile(
      changed,
      (await readFile(example, 'utf8')).replace('displayName: Turnos Argentina', 'displayName: Turnos AR'),
    )
    const run = (version?: string) =>
      publishCommand({
        config: changed,
        bucket: server.bucket,
        prefix: 'refuse',
        ...s3,
        ...(version ? { version } : {}),
        stdout: collector(),
        stderr: collector(),
        cwd: work,
      })
    expect(
      await publishCommand({
        config: example,
        bucket: server.bucket,
        prefix: 'refuse',
        ...s3,
        stdout: collector(),
        stderr: collector(),
        cwd: work,
      }),
    ).toBe(0)
    await expect(run()).rejects.toMatchObject({
      code: 'PUBLISH_REFUSED',
      message: expect.stringMatching(/differ/),
    })
    expect(await run('1.0.1')).toBe(0)
  })

  it('publishes --vertical barber after an edit that touched only psychology, and refuses psychology', async () => {
    const text = await readFile(example, 'utf8')
    const autoscaling = 'autoscaling: { minReplicas: 2, maxReplicas: 8 }'
    expect(text).toContain(autoscaling)
    const edited = join(work, 'psychology-edit.yaml')
    const comment = '# psychology may grow to 9 pods\n'
    await writeFile(
      edited,
      comment + text.replace(autoscaling, 'autoscaling: { minReplicas: 2, maxReplicas: 9 }'),
    )
    const publish = (config: string, verticals?: string[]) => {
      const stdout = collector()
      const run = publishCommand({
        config,
        bucket: server.bucket,
        prefix: 'per-vertical',
        ...s3,
        ...(verticals ? { verticals } : {}),
        stdout,
        stderr: collector(),
        cwd: work,
      })
      return run.then((code) => ({ code, stdout: stdout.text() }))
    }
    expect((await publish(example)).code).toBe(0)
    const barber = await publish(edited, ['barber'])
    expect(barber).toEqual({
      code: 0,
      // The platform-wide Alertmanager config rides along with every publish (built from the whole config).
      stdout: [
        `barber 1.0.0: unchanged (identical bytes already published) at s3://${server.bucket}/per-vertical/barber/1.0.0`,
        `platform 1.0.0: unchanged (identical bytes already published) at s3://${server.bucket}/per-vertical/platform/1.0.0`,
        '',
      ].join('\n'),
    })
    const error = await publish(edited).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'PUBLISH_REFUSED' })
    const refused = (error as Error).message.split('\n').slice(1)
    expect(refused).toEqual([
      expect.stringMatching(
        /^ {2}s3:\/\/.+\/per-vertical\/psychology\/1\.0\.0: \d+ file\(s\) differ: .*~ infrastructure\/kubernetes\/runtime-config\.yaml$/,
      ),
    ])
  })

  it('reports S3 failures with a hint and exit 2, and bad flags as INVALID_ARGUMENT', async () => {
    const stdout = collector()
    const stderr = collector()
    const code = await publishCommand({
      config: example,
      bucket: 'missing-bucket',
      ...s3,
      json: true,
      stdout,
      stderr,
      cwd: work,
    })
    expect(code).toBe(2)
    expect(stderr.text()).toMatch(/GET s3:\/\/missing-bucket\/.+\/manifest\.json failed: NoSuchBucket/)
    expect(stderr.text()).toMatch(/hint: The bucket does not exist/)
    expect(JSON.parse(stdout.text()).error).toMatchObject({
      code: 'STORAGE_UNAVAILABLE',
      s3Code: 'NoSuchBucket',
    })
    const bad = publishCommand({
      config: example,
      bucket: server.bucket,
      ...s3,
      requestChecksums: 'sometimes',
      cwd: work,
    })
    await expect(bad).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' })
  })
})
