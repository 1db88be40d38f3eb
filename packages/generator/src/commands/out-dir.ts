import { relative, resolve, sep } from 'node:path'
import { PlatformError } from '@verticals/config-schema'

const inside = (child: string, parent: string) => {
  const rel = relative(parent, child)
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && rel !== '..')
}

/**
 * Refuses an --out that would swallow the project: the current directory or one of its parents,
 * or a directory holding the config itself (replacing --out deletes everything in it).
 */
export function assertSafeOutDir(out: string, config: string, cwd: string): void {
  const target = resolve(cwd, out)
  if (inside(resolve(cwd), target)) {
    throw new PlatformError(
      'INVALID_ARGUMENT',
      `--out ${out} is the current directory or one of its parents.`,
      {
        hint: 'Generate into a directory of its own, e.g. --out bundle. Nothing was written.',
      },
    )
  }
  if (inside(resolve(cwd, config), target)) {
    throw new PlatformError('INVALID_ARGUMENT', `--out ${out} contains the config file ${config}.`, {
      hint: 'The bundle directory is replaced as a whole; keep platform.yaml outside it. Nothing was written.',
    })
  }
}
