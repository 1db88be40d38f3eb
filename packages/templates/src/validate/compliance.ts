import { basename } from 'node:path'
import type { Artifact } from '../artifact'
import { parseCsv } from '../compliance/csv'
import { lintMarkdown } from '../compliance/markdown-lint'
import { POLICY_SCHEMAS } from '../compliance/schemas'
import { generatedHeader } from '../header'

function validatePolicy(artifact: Artifact): string[] {
  const schema = POLICY_SCHEMAS[basename(artifact.path)]
  if (!schema) return [`no schema for compliance policy ${basename(artifact.path)}`]
  let value: unknown
  try {
    value = JSON.parse(artifact.content)
  } catch (error) {
    return [`not valid JSON: ${error instanceof Error ? error.message : String(error)}`]
  }
  const result = schema.safeParse(value)
  if (result.success) return []
  return result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
}

function validateMarkdown(artifact: Artifact): string[] {
  const header = generatedHeader('markdown')
  const problems = artifact.content.startsWith(header)
    ? []
    : ['does not start with the generated-file header']
  return [...problems, ...lintMarkdown(artifact.content)]
}

function validateCsv(artifact: Artifact): string[] {
  let rows: string[][]
  try {
    rows = parseCsv(artifact.content)
  } catch (error) {
    return [`not valid RFC 4180 CSV: ${error instanceof Error ? error.message : String(error)}`]
  }
  const width = rows[0]?.length ?? 0
  if (rows.length < 2) return ['holds no row under its header']
  return rows.flatMap((row, i) =>
    row.length === width ? [] : [`record ${i + 1} has ${row.length} fields, the header ${width}`],
  )
}

function validateSql(artifact: Artifact): string[] {
  const header = generatedHeader('sql')
  if (!artifact.content.startsWith(header)) return ['does not start with the generated-file header']
  const body = artifact.content.split('\n').filter((line) => !line.startsWith('--') && line.trim() !== '')
  return body.length === 0 ? ['holds no SQL statement'] : []
}

/**
 * Validates a compliance artifact: JSON policies parse and match the schema of what the bundle emits;
 * Markdown documents and runbooks carry the header, keep table columns even and hold no raw HTML but
 * anchors; CSV registers parse as RFC 4180 with every record as wide as the header; SQL migrations carry the header and a statement.
 */
export async function validateCompliance(artifact: Artifact): Promise<string[]> {
  switch (artifact.kind) {
    case 'compliance-policy':
      return validatePolicy(artifact)
    case 'compliance-document':
    case 'runbook':
      return artifact.path.endsWith('.csv') ? validateCsv(artifact) : validateMarkdown(artifact)
    case 'sql-migration':
      return validateSql(artifact)
    default:
      return [`not a compliance artifact: ${artifact.kind}`]
  }
}
