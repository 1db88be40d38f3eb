// Terraform version constraints (`~> 5.80`, `>= 1.6, < 2.0`), as far as the provider check needs them.
type Version = readonly number[]

const parse = (text: string): Version => text.split('.').map((part) => Number.parseInt(part, 10) || 0)

function compare(a: Version, b: Version): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0)
    if (diff !== 0) return diff
  }
  return 0
}

function admitsOne(clause: string, version: Version): boolean {
  const match = /^\s*(~>|>=|<=|!=|=|>|<)?\s*v?([0-9][0-9.]*)\s*$/.exec(clause)
  if (!match) throw new Error(`cannot read the version constraint "${clause}"`)
  const [, operator = '=', text = ''] = match
  const bound = parse(text)
  const order = compare(version, bound)
  switch (operator) {
    case '~>': {
      // ~> 5.80 allows 5.80 up to (not including) 6.0; ~> 5.80.1 allows 5.80.1 up to 5.81.
      const prefix = bound.slice(0, Math.max(1, bound.length - 1))
      const ceiling = [...prefix.slice(0, -1), (prefix.at(-1) ?? 0) + 1]
      return order >= 0 && compare(version, ceiling) < 0
    }
    case '>=':
      return order >= 0
    case '<=':
      return order <= 0
    case '>':
      return order > 0
    case '<':
      return order < 0
    case '!=':
      return order !== 0
    default:
      return order === 0
  }
}

/** Whether `version` (e.g. `5.99.1`) satisfies a Terraform constraint string; throws on one it cannot read. */
export function admits(constraint: string, version: string): boolean {
  return constraint.split(',').every((clause) => admitsOne(clause, parse(version)))
}
