import { execFileSync } from 'node:child_process'

/** One entry of `npm pack --json` output. */
interface PackReport {
  readonly files: readonly { readonly path: string }[]
}

/**
 * The sorted file list `npm pack` would put in the tarball of the package in `dir`. Scripts are
 * ignored so a prepack hook cannot change what we inspect; nothing is written.
 */
export function packedFiles(dir: string): string[] {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, npm_config_update_notifier: 'false' },
  })
  const reports = JSON.parse(out) as PackReport[]
  const report = reports[0]
  if (!report) throw new Error(`npm pack --dry-run printed no report in ${dir}`)
  return report.files.map((file) => file.path).sort()
}
