import { resolve } from 'node:path'
import { fetchFromRegistry } from '../../npm/fetch-registry'
import { type CommandIo, printJson, println, resolveIo } from '../io'
import { reportRegistryFailures } from '../publish/registry-failures'

/** Options of `verticals fetch npm:<name>@<version>`. */
export interface RegistryFetchCommandOptions extends CommandIo {
  spec: string
  out: string
  registry?: string
  json?: boolean
}

/**
 * Downloads a bundle package with npm, verifies every file against its manifest and writes the bundle
 * to --out. Returns 0; a mismatch throws INTEGRITY (exit 1) and leaves --out untouched.
 */
export async function fetchRegistryCommand(options: RegistryFetchCommandOptions): Promise<number> {
  const io = resolveIo(options)
  const json = options.json ?? false
  return reportRegistryFailures(
    io,
    { json, ...(options.registry ? { registry: options.registry } : {}) },
    async () => {
      const result = await fetchFromRegistry({
        spec: options.spec,
        out: resolve(io.cwd, options.out),
        cwd: io.cwd,
        env: io.env,
        ...(options.registry ? { registry: options.registry } : {}),
      })
      const { vertical, version, files } = result.manifest
      if (json)
        printJson(io.stdout, {
          spec: options.spec,
          name: result.name,
          out: options.out,
          vertical,
          version,
          files,
        })
      else
        println(
          io.stdout,
          `fetched ${result.name}@${version} (${files.length} file(s), sha256 verified) to ${options.out}`,
        )
      return 0
    },
  )
}
