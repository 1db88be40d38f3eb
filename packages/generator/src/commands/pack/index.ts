import { join, resolve } from 'node:path'
import { loadConfig } from '../../engine/load-config'
import { packBundle } from '../../npm/pack-bundle'
import { writeTarballs } from '../../npm/write-tarballs'
import { publishVersion } from '../../publish/version'
import { type CommandIo, printJson, println, resolveIo } from '../io'
import { type RenderOptions, renderFromConfig } from '../render'

/** Options of `verticals pack`. */
export interface PackCommandOptions extends CommandIo, RenderOptions {
  /** Directory that receives one `<scope>-<name>-<version>.tgz` per vertical. */
  out: string
  /** Pack under this version instead of metadata.version. */
  version?: string
  json?: boolean
}

/**
 * Renders the bundle from the config and writes each vertical as a deterministic npm package
 * tarball into --out (the same config gives the same bytes). Returns 0.
 */
export async function packCommand(options: PackCommandOptions): Promise<number> {
  const io = resolveIo(options)
  const { platform } = await loadConfig(options.config, { cwd: io.cwd })
  const version = publishVersion(platform, options.version)
  const bundle = await renderFromConfig(options, io)
  const packed = await packBundle({
    files: bundle.files,
    manifest: bundle.manifest,
    metadata: platform.metadata,
    version,
  })
  await writeTarballs(resolve(io.cwd, options.out), packed)
  const packages = packed.map((p) => ({
    vertical: p.vertical,
    name: p.name,
    version: p.version,
    path: join(options.out, p.filename),
    size: p.tarball.bytes.length,
    files: p.files,
    integrity: p.tarball.integrity,
    shasum: p.tarball.shasum,
    manifestSha256: p.manifestSha256,
  }))
  if (options.json) printJson(io.stdout, { out: options.out, packages })
  else {
    for (const p of packages)
      println(io.stdout, `${p.name}@${p.version}  ${p.path}  (${p.files} files, ${p.integrity})`)
  }
  return 0
}
