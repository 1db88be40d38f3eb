import { execFile } from 'node:child_process'
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'

/** The Prometheus tools the monitoring validator runs when installed. */
export type MonitoringTool = 'promtool' | 'amtool'

/**
 * Path of a tool: `VERTICALS_<TOOL>` when set (an empty value means "do not use the tool"), else
 * /usr/bin (Debian's packages), else the PATH; null when absent.
 */
export function findTool(tool: MonitoringTool): string | null {
  const override = process.env[`VERTICALS_${tool.toUpperCase()}`]
  const searched = [
    `/usr/bin/${tool}`,
    ...(process.env.PATH ?? '').split(delimiter).map((d) => join(d, tool)),
  ]
  const candidates = override === undefined ? searched : [override]
  for (const candidate of candidates) {
    if (!candidate) continue
    try {
      accessSync(candidate, constants.X_OK)
      return candidate
    } catch {
      // not here; try the next place
    }
  }
  return null
}

/** The result of one tool run: its exit code and combined output. */
export interface ToolRun {
  readonly ok: boolean
  readonly output: string
}

/** Runs a tool with arguments in `cwd`; never throws for a non-zero exit. */
export function runTool(path: string, args: readonly string[], cwd: string): Promise<ToolRun> {
  return new Promise((resolve) => {
    execFile(
      path,
      [...args],
      { cwd, maxBuffer: 16 * 1024 * 1024, timeout: 300_000 },
      (error, stdout, stderr) => resolve({ ok: !error, output: `${stdout}${stderr}`.trim() }),
    )
  })
}

/** Writes `files` (name -> content) into a fresh temporary directory, runs `fn` there, then removes it. */
export async function inTempDir<T>(
  files: Readonly<Record<string, string>>,
  fn: (dir: string) => Promise<T>,
): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'verticals-monitoring-'))
  try {
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content)
    return await fn(dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const warned = new Set<string>()

/** Says once per process that a tool (or a feature of it) is missing and which checks ran instead. */
export function noteMissing(tool: MonitoringTool | 'kubernetes-sd', instead: string): void {
  if (warned.has(tool)) return
  warned.add(tool)
  const what =
    tool === 'kubernetes-sd'
      ? 'promtool was built without Kubernetes service discovery'
      : `${tool} is not installed (looked in $VERTICALS_${tool.toUpperCase()}, /usr/bin and PATH)`
  // A typed warning: the verticals CLI prints it as one line of its own (see routeWarnings).
  process.emitWarning(`${what}: ${instead}`, 'VerticalsWarning')
}
