import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { makeBundle } from '../publish/bundle.fixture'
import { publishBundle } from '../publish/publish-bundle'
import { createS3Client } from '../publish/s3-client'
import { startTestS3Server, type TestS3Server } from '../publish/s3-test-server'
import { fetchBundle } from './fetch-bundle'

let server: TestS3Server
let work: string
beforeAll(async () => {
  server = await startTestS3Server()
})
afterAll(async () => {
  await server?.stop()
})
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'verticals-fetch-'))
})
afterEach(async () => {
  await rm(work, { recursive: true, force: true })
})

/** Every file under `dir` with its text, so two snapshots of a tree can be compared. */
async function tree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name)
      out[relative(dir, path)] = await readFile(path, 'utf8')
    }
  }
  return out
}

async function publish(prefix: string) {
  const bundle = makeBundle()
  await publishBundle({
    ...bundle,
    clientOptions: server.clientOptions,
    bucket: server.bucket,
    prefix,
    version: '1.0.0',
  })
  return bundle
}

describe('fetchBundle against s3rver', () => {
  it('round-trips a published version: every file and its manifest, byte for byte', async () => {
    const bundle = await publish('round')
    const out = join(work, 'barber')
    const result = await fetchBundle({
      url: `s3://${server.bucket}/round/barber/1.0.0`,
      out,
      clientOptions: server.clientOptions,
    })

    expect(result.manifest).toMatchObject({ vertical: 'barber', version: '1.0.0' })
    const fetched = await tree(out)
    expect(Object.keys(fetched).sort()).toEqual([
      'compliance/retention.md',
      'infrastructure/kubernetes/deployment.yaml',
      'manifest.json',
      'monitoring/grafana/overview.json',
    ])
    for (const file of bundle.files.filter((f) => f.path.startsWith('barber/'))) {
      expect(fetched[file.path.slice('barber/'.length)]).toBe(file.content.toString())
    }
    expect(await readdir(work)).toEqual(['barber'])
  })

  it('rejects a tampered object, names it, and leaves --out exactly as it was', async () => {
    await publish('tamper')
    const url = `s3://${server.bucket}/tamper/fitness/1.0.0`
    const out = join(work, 'fitness')
    await fetchBundle({ url, out, clientOptions: server.clientOptions })
    const before = await tree(out)

    // Someone with write access overwrites one object after publishing.
    const client = createS3Client(server.clientOptions)
    const key = 'tamper/fitness/1.0.0/monitoring/grafana/overview.json'
    await client.send(new PutObjectCommand({ Bucket: server.bucket, Key: key, Body: '{"tampered":true}\n' }))

    const failure = fetchBundle({ url, out, clientOptions: server.clientOptions })
    await expect(failure).rejects.toMatchObject({ code: 'INTEGRITY' })
    await expect(failure).rejects.toThrow(
      `monitoring/grafana/overview.json (${url}/monitoring/grafana/overview.json) has sha256`,
    )
    expect(await tree(out)).toEqual(before)
    expect(await readdir(work)).toEqual(['fitness'])

    const fresh = join(work, 'fresh')
    await expect(fetchBundle({ url, out: fresh, clientOptions: server.clientOptions })).rejects.toMatchObject(
      { code: 'INTEGRITY' },
    )
    expect(await readdir(work)).toEqual(['fitness'])
    client.destroy()
  })

  it('fails on a listed object that is missing, writing nothing', async () => {
    await publish('missing')
    const client = createS3Client(server.clientOptions)
    await client.send(
      new DeleteObjectCommand({ Bucket: server.bucket, Key: 'missing/barber/1.0.0/compliance/retention.md' }),
    )
    client.destroy()
    const failure = fetchBundle({
      url: `s3://${server.bucket}/missing/barber/1.0.0`,
      out: join(work, 'o'),
      clientOptions: server.clientOptions,
    })
    await expect(failure).rejects.toThrow(
      /compliance\/retention\.md .* is listed in manifest.json but missing/,
    )
    expect(await readdir(work)).toEqual([])
  })

  it('reports a version that was never published as NOT_FOUND', async () => {
    const failure = fetchBundle({
      url: `s3://${server.bucket}/none/barber/9.9.9`,
      out: join(work, 'o'),
      clientOptions: server.clientOptions,
    })
    await expect(failure).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(await readdir(work)).toEqual([])
  })

  it('never replaces a non-empty directory that is not a fetched version', async () => {
    await publish('foreign')
    const out = join(work, 'mine')
    await mkdir(out)
    await writeFile(join(out, 'notes.txt'), 'keep me')
    const failure = fetchBundle({
      url: `s3://${server.bucket}/foreign/barber/1.0.0`,
      out,
      clientOptions: server.clientOptions,
    })
    await expect(failure).rejects.toMatchObject({ code: 'OUTPUT_NOT_OURS' })
    await expect(
      fetchBundle({
        url: `s3://${server.bucket}/foreign/barber/1.0.0`,
        out: join(out, 'notes.txt'),
        clientOptions: server.clientOptions,
      }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/not a directory/) })
    expect(await tree(out)).toEqual({ 'notes.txt': 'keep me' })
    expect(await readdir(work)).toEqual(['mine'])
  })
})
