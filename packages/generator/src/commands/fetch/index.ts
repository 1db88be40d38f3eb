import { resolve } from 'node:path'
import { fetchBundle } from '../../fetch/fetch-bundle'
import { type CommandIo, printJson, println, resolveIo } from '../io'
import { reportS3Failures, type S3CommandOptions, s3ClientOptions } from '../publish/s3'

/** Options of `verticals fetch`. */
export interface FetchCommandOptions extends CommandIo, S3CommandOptions {
  /** `s3://<bucket>/[<prefix>/]<vertical>/<version>`. */
  url: string
  out: string
  json?: boolean
}

/**
 * Downloads a published version into --out after verifying every file's sha256 against its
 * manifest. Returns 0; a mismatch throws INTEGRITY (exit 1) and leaves --out untouched.
 */
export async function fetchCommand(options: FetchCommandOptions): Promise<number> {
  const io = resolveIo(options)
  const json = options.json ?? false
  const clientOptions = s3ClientOptions(options)
  return reportS3Failures(io, json, async () => {
    const result = await fetchBundle({ url: options.url, out: resolve(io.cwd, options.out), clientOptions })
    const { vertical, version, files } = result.manifest
    if (json) printJson(io.stdout, { url: result.url, out: options.out, vertical, version, files })
    else
      println(
        io.stdout,
        `fetched ${vertical} ${version} (${files.length} file(s), sha256 verified) to ${options.out}`,
      )
    return 0
  })
}
