import { generate, MANIFEST_FILE } from '@verticals/generator'
import { BUNDLE_DIR, type Context } from '../context'
import { renderPlatformYaml } from '../platform-yaml'
import { RECORD_FILE, renderRecord } from '../record'
import { readTemplate } from '../template-files'
import { ownManifest, platformDependencyVersion, releasedVersion } from '../versions'

const TEMPLATE_NAME = 'my-service'

/**
 * Pins every @verticals dependency of the template to the version this scaffolder was released with,
 * and pg, ioredis and zod to the versions those packages use.
 */
export function renderPackageJson(template: string, name: string): string {
  const manifest = JSON.parse(template) as Record<string, unknown> & {
    dependencies?: Record<string, string>
    devDependencies?: Record<string, string>
  }
  manifest.name = name
  for (const deps of [manifest.dependencies, manifest.devDependencies]) {
    for (const dep of Object.keys(deps ?? {})) {
      if (deps === undefined) continue
      if (dep.startsWith('@verticals/')) deps[dep] = releasedVersion(dep)
      else deps[dep] = platformDependencyVersion(dep) ?? (deps[dep] as string)
    }
  }
  return `${JSON.stringify(manifest, null, 2)}\n`
}

/** Renders the project in memory: the template with its answers, and the bundle its platform.yaml generates. */
export async function render(
  ctx: Pick<Context, 'name' | 'vertical' | 'region' | 'project' | 'templateDir'>,
): Promise<void> {
  const files = await readTemplate(ctx.templateDir)
  const required = (path: string): string => {
    const text = files.get(path)
    if (text === undefined) throw new Error(`the template has no ${path}`)
    return text
  }
  files.set('package.json', renderPackageJson(required('package.json'), ctx.name))
  files.set('README.md', required('README.md').replace(`# ${TEMPLATE_NAME}\n`, `# ${ctx.name}\n`))
  // dev.env names the vertical the service runs as, as the generated Deployment does.
  files.set(
    'dev.env',
    required('dev.env').replace(/^VERTICALS_VERTICAL=.*$/m, `VERTICALS_VERTICAL=${ctx.vertical}`),
  )
  const { text, platform } = renderPlatformYaml(required('platform.yaml'), ctx)
  files.set('platform.yaml', text)
  // What an upgrade needs to rebuild this version's output: the version and the answers.
  const { name, vertical, region } = ctx
  files.set(RECORD_FILE, renderRecord({ version: ownManifest().version, vertical, name, region }))
  // The same call `verticals generate` makes, so `verticals check` in the scaffold finds no drift.
  const bundle = generate(platform, { source: { file: 'platform.yaml', text } })
  const paths = [
    ...files.keys(),
    ...[...bundle.files.map((f) => f.path), MANIFEST_FILE].map((p) => `${BUNDLE_DIR}/${p}`),
  ].sort()
  ctx.project = { files, bundle, paths }
}
