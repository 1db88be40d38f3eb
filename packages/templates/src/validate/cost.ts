import type { Artifact } from '../artifact'

/** A cost report is JSON whose total is the sum of its lines and whose lines are quantity × unit price. */
export async function validateCostReport(artifact: Artifact): Promise<string[]> {
  let report: { total?: unknown; lines?: { quantity: number; unitPrice: number; monthly: number }[] }
  try {
    report = JSON.parse(artifact.content)
  } catch (error) {
    return [`not JSON: ${(error as Error).message}`]
  }
  const lines = Array.isArray(report.lines) ? report.lines : []
  const problems: string[] = []
  if (lines.length === 0) problems.push('the report has no lines')
  lines.forEach((l, i) => {
    if (Math.abs(l.quantity * l.unitPrice - l.monthly) > 0.01 + l.monthly * 1e-6)
      problems.push(`line ${i}: ${l.quantity} × ${l.unitPrice} is not ${l.monthly}`)
  })
  const sum = Math.round(lines.reduce((s, l) => s + l.monthly, 0) * 100) / 100
  if (report.total !== sum) problems.push(`total ${String(report.total)} is not the sum of the lines, ${sum}`)
  return problems
}
