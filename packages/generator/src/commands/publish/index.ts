import { loadConfig } from '../../engine/load-config'
import { publishBundle } from '../../publish/publish-bundle'
import { publishVersion } from '../../publish/version'
import { type CommandIo, printJson, println, resolveIo } from '../io'
import { type RenderOptions, renderFromConfig } from '../render'
import { reportS3Failures, type S3CommandOptions, s3ClientOptions } from './s3'

/** Options of `verticals publish`. */
export interface PublishCommandOptions extends CommandIo, RenderOptions, S3CommandOptions {
  bucket: string
  prefix?: string
  /** Publish under this version instead of metadata.version. */
  version?: string
  /** `--no-checksums`: leave x-amz-checksum-sha256 out, for servers that reject it. */
  checksums?: boolean
  json?: boolean
}

/**
 * Renders the bundle from the config and publishes each vertical under
 * `<prefix>/<vertical>/<version>/`. Returns 0 when published or unchanged; a version that exists
 * with other bytes throws PUBLISH_REFUSED (exit 1); S3 failures exit 2 with a hint.
 */
export async function publishCommand(options: PublishCommandOptions): Promise<number> {
  const io = resolveIo(options)
  const json = options.json ?? false
  const clientOptions = s3ClientOptions(options)
  const { platform } = await loadConfig(options.config, { cwd: io.cwd })
  const version = publishVersion(platform, options.version)
  const bundle = await renderFromConfig(options, io)
  return reportS3Failures(io, json, async () => {
    const results = await publishBundle({
      files: bundle.files,
      manifest: bundle.manifest,
      bucket: options.bucket,
      ...(options.prefix === undefined ? {} : { prefix: options.prefix }),
      version,
      clientOptions,
      checksums: options.checksums ?? true,
      onProgress: (event) => {
        if (event.type === 'file' && event.done === event.total) {
          println(io.stderr, `  ${event.vertical}: uploaded ${event.total} file(s), writing manifest.json`)
        }
      },
    })
    if (json) printJson(io.stdout, { bucket: options.bucket, version, versions: results })
    for (const r of json ? [] : results) {
      const what =
        r.status === 'published'
          ? `published ${r.files} file(s)`
          : 'unchanged (identical bytes already published)'
      println(io.stdout, `${r.vertical} ${r.version}: ${what} at ${r.url}`)
    }
    return 0
  })
}
