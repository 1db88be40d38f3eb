import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { repoRoot } from './workspace.ts'

/** One supported Node.js release, as `.ci/node-versions` pins it. */
export interface NodeRelease {
  readonly version: string
  readonly major: number
  readonly integrity: string
}

/** The releases CI tests, oldest first: the one list the engines fields and the README follow. */
export function supportedNode(root: string = repoRoot): NodeRelease[] {
  return readFileSync(join(root, '.ci', 'node-versions'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const [version = '', integrity = ''] = line.trim().split(/\s+/)
      return { version, major: Number(version.split('.')[0]), integrity }
    })
}
