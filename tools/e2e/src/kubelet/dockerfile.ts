// The instructions of a Dockerfile's final stage that a pod depends on: the user it runs as, its
// working directory, the port it exposes, its command and the paths it writes. `docker build` cannot
// run on these machines, so tests hold these against the Deployment instead.
import { readFileSync } from 'node:fs'

/** The final stage of a Dockerfile, as far as a pod is concerned. */
export interface ImageSpec {
  /** `USER uid:gid` of the final stage (numeric, or the text written). */
  readonly user: string | undefined
  readonly workdir: string | undefined
  readonly exposed: readonly number[]
  /** ENTRYPOINT and CMD in exec form (the shell form is refused: signals would reach /bin/sh). */
  readonly entrypoint: readonly string[]
  readonly cmd: readonly string[]
  /** ENTRYPOINT followed by CMD: what the container runs when the pod overrides neither. */
  readonly command: readonly string[]
  /** Paths a RUN of the final stage writes with mkdir, touch or a redirection. */
  readonly written: readonly string[]
  /** Every FROM line (multi-stage builds have several). */
  readonly stages: readonly string[]
}

// Joins continuation lines and drops comments and blank lines.
function instructions(text: string): { keyword: string; rest: string }[] {
  const joined = text.replace(/\\\n/g, ' ')
  return joined
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [keyword = '', ...rest] = line.split(/\s+/)
      return { keyword: keyword.toUpperCase(), rest: rest.join(' ') }
    })
}

function execForm(keyword: string, rest: string, file: string): string[] {
  try {
    const parsed = JSON.parse(rest) as unknown
    if (Array.isArray(parsed) && parsed.every((p) => typeof p === 'string')) return parsed
  } catch {
    // not JSON: the shell form, refused below
  }
  throw new Error(
    `${file}: ${keyword} ${rest} is in shell form; use the exec form ["node", ...] so SIGTERM reaches node`,
  )
}

/** Reads a Dockerfile's final stage. */
export function readImageSpec(file: string): ImageSpec {
  const all = instructions(readFileSync(file, 'utf8'))
  const stages = all.filter((i) => i.keyword === 'FROM').map((i) => i.rest)
  const lastFrom = all.map((i) => i.keyword).lastIndexOf('FROM')
  const final = all.slice(lastFrom)
  const last = (keyword: string) => final.filter((i) => i.keyword === keyword).at(-1)?.rest
  const entrypoint = last('ENTRYPOINT')
  const cmd = last('CMD')
  const entrypointArgs = entrypoint === undefined ? [] : execForm('ENTRYPOINT', entrypoint, file)
  const cmdArgs = cmd === undefined ? [] : execForm('CMD', cmd, file)
  const written = final
    .filter((i) => i.keyword === 'RUN')
    .flatMap((i) => [...i.rest.matchAll(/(?:mkdir(?:\s+-p)?|touch)\s+([^\s&;|]+)|>\s*([^\s&;|]+)/g)])
    .map((m) => m[1] ?? m[2] ?? '')
  return {
    user: last('USER'),
    workdir: last('WORKDIR'),
    exposed: final
      .filter((i) => i.keyword === 'EXPOSE')
      .flatMap((i) => i.rest.split(/\s+/).map((p) => Number.parseInt(p, 10))),
    entrypoint: entrypointArgs,
    cmd: cmdArgs,
    command: [...entrypointArgs, ...cmdArgs],
    written,
    stages,
  }
}
