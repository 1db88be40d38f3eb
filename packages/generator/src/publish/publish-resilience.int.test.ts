import type { S3Client } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeBundle } from './bundle.fixture'
import { publishBundle } from './publish-bundle'
import { recordingClient, startTestS3Server, type TestS3Server } from './s3-test-server'

let server: TestS3Server
beforeAll(async () => {
  server = await startTestS3Server()
})
afterAll(async () => {
  await server?.stop()
})

/** Makes the client fail a request with `error` whenever `when` says so, before it reaches the server. */
function inject(
  client: S3Client,
  when: (command: string, input: Record<string, unknown>) => boolean,
  error: () => Error,
) {
  const sent: string[] = []
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Record<string, unknown>
      sent.push(`${context.commandName} ${String(input.Key)}`)
      if (when(context.commandName ?? '', input)) throw error()
      return next(args)
    },
    { step: 'initialize', name: 'inject' },
  )
  return sent
}

const noWait = { attempts: 3, baseDelayMs: 1, sleep: async () => {} }

describe('publishBundle when the server misbehaves', () => {
  it('retries a transient 503 and then succeeds', async () => {
    const { client, puts } = recordingClient(server)
    let failures = 0
    const sent = inject(
      client,
      (command, input) =>
        command === 'PutObjectCommand' &&
        input.Key === 'retry/barber/1.0.0/compliance/retention.md' &&
        failures++ < 2,
      () => Object.assign(new Error('Slow down'), { name: 'SlowDown', $metadata: { httpStatusCode: 503 } }),
    )
    const results = await publishBundle({
      ...makeBundle(['barber']),
      client,
      bucket: server.bucket,
      prefix: 'retry',
      version: '1.0.0',
      retry: noWait,
    })
    expect(results[0]?.status).toBe('published')
    expect(sent.filter((line) => line.endsWith('compliance/retention.md'))).toHaveLength(3)
    expect(puts.at(-1)?.key).toBe('retry/barber/1.0.0/manifest.json')
  })

  it('gives up after the bounded attempts and never writes the manifest', async () => {
    const { client, puts } = recordingClient(server)
    const sent = inject(
      client,
      (command, input) => command === 'PutObjectCommand' && String(input.Key).endsWith('deployment.yaml'),
      () =>
        Object.assign(new Error('Service unavailable'), {
          name: 'ServiceUnavailable',
          $metadata: { httpStatusCode: 503 },
        }),
    )
    const failure = publishBundle({
      ...makeBundle(['barber']),
      client,
      bucket: server.bucket,
      prefix: 'giveup',
      version: '1.0.0',
      retry: noWait,
      concurrency: 1,
    })
    await expect(failure).rejects.toThrow(
      /PUT s3:\/\/.*deployment\.yaml failed: ServiceUnavailable: Service unavailable/,
    )
    expect(sent.filter((line) => line.endsWith('deployment.yaml'))).toHaveLength(3)
    expect(puts.some((put) => put.key.endsWith('manifest.json'))).toBe(false)
  })

  it('does not retry an error that cannot heal, such as a missing bucket', async () => {
    const { client } = recordingClient(server)
    const sent = inject(
      client,
      () => false,
      () => new Error('unused'),
    )
    const failure = publishBundle({
      ...makeBundle(['barber']),
      client,
      bucket: 'no-such-bucket',
      version: '1.0.0',
      retry: noWait,
    })
    await expect(failure).rejects.toMatchObject({
      name: 'S3RequestError',
      code: 'NoSuchBucket',
      message: expect.stringContaining('GET s3://no-such-bucket/barber/1.0.0/manifest.json failed'),
    })
    expect(sent).toEqual(['GetObjectCommand barber/1.0.0/manifest.json'])
  })

  it('falls back to read-and-compare when the server rejects If-None-Match', async () => {
    const { client, puts } = recordingClient(server)
    inject(
      client,
      (command, input) => command === 'PutObjectCommand' && input.IfNoneMatch === '*',
      () =>
        Object.assign(new Error('A header you provided implies functionality that is not implemented'), {
          name: 'NotImplemented',
          $metadata: { httpStatusCode: 501 },
        }),
    )
    const first = await publishBundle({
      ...makeBundle(['barber']),
      client,
      bucket: server.bucket,
      prefix: 'plain',
      version: '1.0.0',
    })
    expect(first[0]?.status).toBe('published')
    expect(puts.at(-1)).toMatchObject({ key: 'plain/barber/1.0.0/manifest.json', ifNoneMatch: false })
    const changed = makeBundle(['barber'], (_path, text) => `${text}changed\n`)
    await expect(
      publishBundle({ ...changed, client, bucket: server.bucket, prefix: 'plain', version: '1.0.0' }),
    ).rejects.toMatchObject({ code: 'PUBLISH_REFUSED' })
  })
})
