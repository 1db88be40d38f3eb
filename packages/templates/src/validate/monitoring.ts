import { basename, dirname } from 'node:path'
import { parse, stringify } from 'yaml'
import type { Artifact } from '../artifact'
import { checkStructure, withoutKubernetesSd } from '../monitoring/structure'
import { runToolOnFiles } from '../monitoring/tool-run'
import { findTool, noteMissing } from '../monitoring/tools'

function parsed(artifact: Artifact): { doc: unknown } | { error: string } {
  try {
    return {
      doc:
        artifact.kind === 'grafana-dashboard'
          ? JSON.parse(artifact.content)
          : parse(artifact.content, { uniqueKeys: true }),
    }
  } catch (error) {
    return { error: `does not parse: ${error instanceof Error ? error.message : String(error)}` }
  }
}

// The tool check of one artifact kind, run in a temporary directory holding the file.
async function toolCheck(artifact: Artifact): Promise<string[]> {
  const name = basename(artifact.path)
  const run = async (tool: 'promtool' | 'amtool', files: Record<string, string>, args: string[]) => {
    const path = findTool(tool)
    if (!path) {
      noteMissing(tool, 'monitoring artifacts were checked structurally only')
      return []
    }
    const result = await runToolOnFiles(path, args, files)
    const command = args.slice(0, tool === 'amtool' ? 1 : 2).join(' ')
    return result.ok ? [] : [`${tool} ${command} rejected it: ${result.output}`]
  }
  switch (artifact.kind) {
    case 'prometheus-rules':
      return run('promtool', { [name]: artifact.content }, ['check', 'rules', name])
    case 'prometheus-scrape-config': {
      // promtool checks whole Prometheus configs; the snippet's scrape_configs are a valid one on their own.
      const args = ['check', 'config', '--syntax-only', 'prometheus.yml']
      const problems = await run('promtool', { 'prometheus.yml': artifact.content }, args)
      if (!problems.some((p) => p.includes('field kubernetes_sd_configs not found'))) return problems
      noteMissing(
        'kubernetes-sd',
        'Debian builds it so; scrape configs are checked with a static target in its place',
      )
      return run(
        'promtool',
        { 'prometheus.yml': stringify(withoutKubernetesSd(parse(artifact.content))) },
        args,
      )
    }
    case 'alertmanager-config':
      return run('amtool', { [name]: artifact.content }, ['check-config', name])
    default:
      return []
  }
}

/**
 * Validates a monitoring artifact: structure first (rules, tests, routes, the Grafana zod schema),
 * then promtool / amtool where installed. Rule tests need their rule files: see validateRuleTests.
 */
export async function validateMonitoring(artifact: Artifact): Promise<string[]> {
  const result = parsed(artifact)
  if ('error' in result) return [result.error]
  const problems = checkStructure(artifact.kind, result.doc)
  return problems.length > 0 ? problems : toolCheck(artifact)
}

// The `rule_files` a rule-test file lists, or null when it cannot be read (promtool then says why).
function ruleFilesOf(content: string): string[] | null {
  try {
    const doc = parse(content) as { rule_files?: unknown } | null
    const files = doc?.rule_files
    return Array.isArray(files) && files.every((f) => typeof f === 'string') ? files : null
  } catch {
    return null
  }
}

/**
 * Runs `promtool test rules` on every rule-test file with the rule files of its directory beside it
 * (rule_files paths are relative), at most one run per core at once. Returns problems by path.
 */
export async function validateRuleTests(
  artifacts: readonly Artifact[],
): Promise<{ path: string; message: string }[]> {
  const promtool = findTool('promtool')
  const tests = artifacts.filter((a) => a.kind === 'prometheus-rule-tests')
  if (!promtool) {
    if (tests.length > 0) noteMissing('promtool', 'rule unit tests were not run')
    return []
  }
  const dirs = [...new Set(tests.map((a) => dirname(a.path)))]
  const runs = dirs.flatMap((dir) => {
    const here = artifacts.filter((a) => dirname(a.path) === dir)
    const rules = here.filter((a) => a.kind === 'prometheus-rules').map((a) => [basename(a.path), a.content])
    return here
      .filter((a) => a.kind === 'prometheus-rule-tests')
      .map(async (a) => {
        const name = basename(a.path)
        // Only the rule files the test names: the verdict, cached by its input files, then stays
        // valid when another rule file of the directory changes (promtool reads no other file).
        const named = ruleFilesOf(a.content)
        const used = named ? rules.filter(([file]) => named.includes(file as string)) : rules
        const files = Object.fromEntries([...used, [name, a.content]])
        const result = await runToolOnFiles(promtool, ['test', 'rules', name], files)
        return result.ok ? [] : [{ path: a.path, message: `promtool test rules failed: ${result.output}` }]
      })
  })
  return (await Promise.all(runs)).flat()
}
