// Test support, not shipped: a small two-vertical bundle shaped like the generator's output.
import type { BundleManifest } from './manifest'
import { sha256Hex } from './manifest'
import type { BundleFile } from './plan'

const KINDS: Record<string, string> = {
  'infrastructure/kubernetes/deployment.yaml': 'kubernetes',
  'monitoring/grafana/overview.json': 'grafana-dashboard',
  'compliance/retention.md': 'compliance-document',
}

/** Files and manifest for `verticals`; `edit` may change any file's text before hashing. */
export function makeBundle(
  verticals: readonly string[] = ['barber', 'fitness'],
  edit: (path: string, text: string) => string = (_path, text) => text,
): { files: BundleFile[]; manifest: BundleManifest } {
  const files: BundleFile[] = []
  for (const vertical of verticals) {
    for (const inner of Object.keys(KINDS)) {
      const path = `${vertical}/${inner}`
      const content = edit(path, `# ${path}\nreplicas: ${vertical.length}\n`)
      files.push({ path, content: Buffer.from(content), sha256: sha256Hex(content) })
    }
  }
  const manifest: BundleManifest = {
    generator: { name: '@verticals/generator', version: '0.1.0' },
    configSha256: sha256Hex('platform.yaml'),
    files: files.map((file) => ({
      path: file.path,
      kind: KINDS[file.path.slice(file.path.indexOf('/') + 1)] ?? 'runbook',
      vertical: file.path.slice(0, file.path.indexOf('/')),
      sha256: file.sha256 ?? '',
    })),
  }
  return { files, manifest }
}
