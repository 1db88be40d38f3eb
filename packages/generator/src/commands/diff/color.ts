import type { Output } from '../io'

/** Whether to colour output: never with NO_COLOR (https://no-color.org), always with FORCE_COLOR, else on a TTY. */
export function useColor(out: Output, env: Readonly<Record<string, string | undefined>>): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true
  return out.isTTY === true
}

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
