import { diff3Merge } from 'node-diff3'

/** Labels of the three sides in conflict markers, as git writes them. */
export interface MergeLabels {
  readonly yours: string
  readonly base: string
  readonly theirs: string
}

/** The result of merging one file: its text, and how many conflicts it holds. */
export interface MergedText {
  readonly text: string
  readonly conflicts: number
}

/**
 * Three-way merge of one text file, line by line (diff3): changes on one side only are taken,
 * the same change on both sides once, and different changes to the same lines become a conflict
 * marked as git marks it, with the base in between (`merge.conflictStyle = diff3`).
 */
export function mergeText(yours: string, base: string, theirs: string, labels: MergeLabels): MergedText {
  const regions = diff3Merge(yours.split('\n'), base.split('\n'), theirs.split('\n'), {
    excludeFalseConflicts: true,
  })
  const lines: string[] = []
  let conflicts = 0
  for (const region of regions) {
    if (region.ok) {
      lines.push(...region.ok)
      continue
    }
    const { a, o, b } = region.conflict!
    conflicts++
    lines.push(
      `<<<<<<< ${labels.yours}`,
      ...a,
      `||||||| ${labels.base}`,
      ...o,
      '=======',
      ...b,
      `>>>>>>> ${labels.theirs}`,
    )
  }
  return { text: lines.join('\n'), conflicts }
}
