import { loadConfig } from '../../engine/load-config'
import { packBundle } from '../../npm/pack-bundle'
import { publishToRegistry } from '../../npm/publish-registry'
import { publishVersion } from '../../publish/version'
import { type CommandIo, printJson, println, resolveIo } from '../io'
import { type RenderOptions, renderFromConfig } from '../render'
import { reportRegistryFailures } from './registry-failures'

/** Options of `verticals publish --registry`. */
export interface RegistryPublishCommandOptions extends CommandIo, RenderOptions {
  registry: string
  /** Publish under this version instead of metadata.version. */
  version?: string
  tag?: string
  access?: string
  dryRun?: boolean
  json?: boolean
}

const SAID = {
  published: 'published to',
  unchanged: 'unchanged (identical bundle already published) in',
  'would publish': 'would be published to',
} as const

/**
 * Packs each vertical and publishes it to an npm registry with the user's npm and credentials. Returns
 * 0 when published, unchanged or (with --dry-run) checked; a version that exists with other contents
 * throws PUBLISH_REFUSED (exit 1) before anything is sent; npm failures exit 2 with a hint.
 */
export async function publishRegistryCommand(options: RegistryPublishCommandOptions): Promise<number> {
  const io = resolveIo(options)
  const json = options.json ?? false
  const { platform } = await loadConfig(options.config, { cwd: io.cwd })
  const version = publishVersion(platform, options.version)
  const bundle = await renderFromConfig(options, io)
  const packed = await packBundle({ ...bundle, metadata: platform.metadata, version })
  if (options.dryRun) println(io.stderr, 'dry run: the registry is asked what exists; nothing is published.')
  return reportRegistryFailures(io, { json, registry: options.registry }, async () => {
    const results = await publishToRegistry({
      packed,
      registry: options.registry,
      cwd: io.cwd,
      env: io.env,
      ...(options.tag === undefined ? {} : { tag: options.tag }),
      ...(options.access === undefined ? {} : { access: options.access }),
      dryRun: options.dryRun ?? false,
      onProgress: (e) => println(io.stderr, `  ${e.name}@${e.version}: ${e.step}`),
    })
    if (json)
      printJson(io.stdout, {
        registry: options.registry,
        version,
        dryRun: options.dryRun ?? false,
        packages: results,
      })
    else
      for (const r of results)
        println(io.stdout, `${r.name}@${r.version}: ${SAID[r.status]} ${r.registry} (${r.integrity})`)
    return 0
  })
}
