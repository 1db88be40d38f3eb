import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeBundle } from './bundle.fixture'
import { sha256Hex } from './manifest'
import { publishBundle } from './publish-bundle'
import { recordingClient, startTestS3Server, type TestS3Server } from './s3-test-server'

let server: TestS3Server
beforeAll(async () => {
  server = await startTestS3Server()
})
afterAll(async () => {
  await server?.stop()
})

async function read(key: string): Promise<string> {
  const { client } = recordingClient(server)
  const output = await client.send(new GetObjectCommand({ Bucket: server.bucket, Key: key }))
  return (await output.Body?.transformToString()) ?? ''
}

describe('publishBundle against s3rver', () => {
  it('uploads every vertical under <prefix>/<vertical>/<version>/ with manifest.json written last', async () => {
    const { client, puts } = recordingClient(server)
    const bundle = makeBundle()
    const createdBefore = server.created.length
    const results = await publishBundle({
      ...bundle,
      client,
      bucket: server.bucket,
      prefix: '/ci/bundles/',
      version: '1.0.0',
    })

    expect(results.map((r) => [r.vertical, r.status, r.files, r.url])).toEqual([
      ['barber', 'published', 3, `s3://${server.bucket}/ci/bundles/barber/1.0.0`],
      ['fitness', 'published', 3, `s3://${server.bucket}/ci/bundles/fitness/1.0.0`],
    ])
    for (const vertical of ['barber', 'fitness']) {
      const base = `ci/bundles/${vertical}/1.0.0`
      const mine = puts.filter((put) => put.key.startsWith(`${base}/`))
      expect(mine).toHaveLength(4)
      // The manifest is the last object of its version, both as sent and as the server stored it.
      expect(mine.at(-1)).toMatchObject({ key: `${base}/manifest.json`, ifNoneMatch: true })
      expect(mine.slice(0, -1).every((put) => !put.ifNoneMatch)).toBe(true)
      // Every upload carries the SHA-256 of exactly the bytes stored.
      for (const put of mine) {
        const stored = Buffer.from(await read(put.key))
        expect(put.checksumSha256).toBe(Buffer.from(sha256Hex(stored), 'hex').toString('base64'))
      }
      const stored = server.created.slice(createdBefore).filter((key) => key.startsWith(`${base}/`))
      expect(stored.at(-1)).toBe(`${base}/manifest.json`)
      expect(stored).toHaveLength(4)

      const manifest = JSON.parse(await read(`${base}/manifest.json`))
      expect(manifest.vertical).toBe(vertical)
      expect(manifest.version).toBe('1.0.0')
      expect(manifest.files.map((f: { path: string }) => f.path)).toEqual([
        'compliance/retention.md',
        'infrastructure/kubernetes/deployment.yaml',
        'monitoring/grafana/overview.json',
      ])
      const original = bundle.files.find((f) => f.path === `${vertical}/compliance/retention.md`)
      expect(await read(`${base}/compliance/retention.md`)).toBe(original?.content.toString())
    }
  })

  it('re-publishing identical bytes is a no-op that writes nothing', async () => {
    const first = recordingClient(server)
    await publishBundle({ ...makeBundle(), client: first.client, bucket: server.bucket, version: '2.0.0' })
    const again = recordingClient(server)
    const createdBefore = server.created.length
    const events: string[] = []
    const results = await publishBundle({
      ...makeBundle(),
      client: again.client,
      bucket: server.bucket,
      version: '2.0.0',
      onProgress: (event) => events.push(`${event.type} ${event.vertical}`),
    })
    expect(results.map((r) => r.status)).toEqual(['unchanged', 'unchanged'])
    expect(events).toEqual(['unchanged barber', 'unchanged fitness'])
    expect(again.puts).toEqual([])
    expect(server.created.length).toBe(createdBefore)
  })

  it('refuses to change a published version and leaves the bucket untouched', async () => {
    const { client } = recordingClient(server)
    await publishBundle({ ...makeBundle(), client, bucket: server.bucket, version: '3.0.0' })
    const changed = makeBundle(undefined, (path, text) =>
      path === 'fitness/compliance/retention.md' ? `${text}edited\n` : text,
    )
    const second = recordingClient(server)

    const failure = publishBundle({
      ...changed,
      client: second.client,
      bucket: server.bucket,
      version: '3.0.0',
    })
    await expect(failure).rejects.toMatchObject({ code: 'PUBLISH_REFUSED' })
    await expect(failure).rejects.toThrow(/fitness\/3\.0\.0: 1 file\(s\) differ: ~ compliance\/retention\.md/)
    expect(second.puts).toEqual([])
    expect(await read('fitness/3.0.0/compliance/retention.md')).not.toContain('edited')
  })

  it('publishes only the missing verticals of a version, and a new version beside an old one', async () => {
    const { client } = recordingClient(server)
    await publishBundle({ ...makeBundle(['barber']), client, bucket: server.bucket, version: '4.0.0' })
    const both = await publishBundle({ ...makeBundle(), client, bucket: server.bucket, version: '4.0.0' })
    expect(both.map((r) => `${r.vertical} ${r.status}`)).toEqual(['barber unchanged', 'fitness published'])
    const next = await publishBundle({
      ...makeBundle(['barber'], (_p, t) => `${t}v2\n`),
      client,
      bucket: server.bucket,
      version: '4.0.1',
    })
    expect(next.map((r) => r.status)).toEqual(['published'])
    expect(await read('barber/4.0.0/compliance/retention.md')).not.toContain('v2')
  })

  it('leaves checksums out when asked, for servers that reject the header', async () => {
    const { client, puts } = recordingClient(server)
    await publishBundle({
      ...makeBundle(['barber']),
      client,
      bucket: server.bucket,
      prefix: 'nosum',
      version: '1.0.0',
      checksums: false,
    })
    expect(puts).toHaveLength(4)
    expect(puts.every((put) => put.checksumSha256 === undefined)).toBe(true)
  })

  it('a concurrent publisher that wrote other bytes first makes the conditional write refuse', async () => {
    const { client } = recordingClient(server)
    const key = 'race/barber/1.0.0/manifest.json'
    // Another publisher lands its manifest between our check and our conditional write.
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const input = args.input as { Key?: string; IfNoneMatch?: string }
        if (context.commandName === 'PutObjectCommand' && input.Key === key && input.IfNoneMatch) {
          const rival = recordingClient(server).client
          await rival.send(
            new PutObjectCommand({ Bucket: server.bucket, Key: key, Body: '{"rival":true}\n' }),
          )
          throw Object.assign(new Error('At least one of the pre-conditions you specified did not hold'), {
            name: 'PreconditionFailed',
            $metadata: { httpStatusCode: 412 },
          })
        }
        return next(args)
      },
      { step: 'initialize', name: 'rival' },
    )
    const failure = publishBundle({
      ...makeBundle(['barber']),
      client,
      bucket: server.bucket,
      prefix: 'race',
      version: '1.0.0',
    })
    await expect(failure).rejects.toMatchObject({ code: 'PUBLISH_REFUSED' })
    expect(await read(key)).toBe('{"rival":true}\n')
  })
})
