// Test support: `terraform fmt`, the formatter users' CI runs on the Terraform we generate.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

/**
 * The paths of the files (`.tf` among them) that `terraform fmt` would rewrite. Needs the terraform
 * binary (it formats offline: no provider is downloaded); throws when it is missing or fails.
 */
export function terraformFmtChanges(files: readonly { path: string; content: string }[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'verticals-tf-fmt-'))
  try {
    for (const file of files.filter((f) => f.path.endsWith('.tf'))) {
      mkdirSync(dirname(join(dir, file.path)), { recursive: true })
      writeFileSync(join(dir, file.path), file.content)
    }
    // -check exits 3 and lists the files it would change; 0 when none.
    const run = spawnSync('terraform', ['fmt', '-check', '-list=true', '-recursive'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null', CHECKPOINT_DISABLE: '1' },
    })
    if (run.error)
      throw new Error(`terraform fmt could not run (is terraform on the PATH?): ${run.error.message}`)
    if (run.status !== 0 && run.status !== 3)
      throw new Error(`terraform fmt failed (${run.status}): ${run.stderr}`)
    return run.stdout.split('\n').filter(Boolean).sort()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
