const paint = (code: string) => (line: string) => `\u001b[${code}m${line}\u001b[0m`
const bold = paint('1')
const red = paint('31')
const green = paint('32')
const cyan = paint('36')

/** Colours a unified diff the way git does: headers bold, hunks cyan, removals red, additions green. */
export function colorPatch(patch: string): string {
  return patch
    .split('\n')
    .map((line) => {
      if (line.startsWith('--- ') || line.startsWith('+++ ')) return bold(line)
      if (line.startsWith('@@')) return cyan(line)
      if (line.startsWith('-')) return red(line)
      if (line.startsWith('+')) return green(line)
      return line
    })
    .join('\n')
}
