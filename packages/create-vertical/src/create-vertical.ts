import type { Context, ScaffoldIo } from './context'
import type { ScaffoldOptions } from './options'
import { answers } from './steps/answers'
import { dryRun } from './steps/dry-run'
import { finish } from './steps/next-steps'
import { recall } from './steps/recall'
import { render } from './steps/render'
import { checkTarget } from './steps/target'
import { upgrade } from './steps/upgrade'
import { write } from './steps/write'

type Step = (ctx: Context) => Promise<void> | void

/**
 * Scaffolds a service: asks for what is missing, checks the target, renders the template and its
 * bundle in memory, then lists/diffs it (--dry-run) or writes it atomically. Expected failures
 * are PlatformErrors (INVALID_ARGUMENT for usage, OUTPUT_NOT_OURS, CONFIG_INVALID).
 */
export async function createVertical(
  options: ScaffoldOptions,
  io: ScaffoldIo,
  extra: { templateDir?: string } = {},
): Promise<Context> {
  // Steps fill the context in order; each reads only what earlier steps set.
  const ctx = { ...io, options, ...extra } as Context
  const steps: Step[] = [
    recall,
    answers,
    checkTarget,
    (c) => {
      const title = `Rendering the ${c.vertical} template and its bundle...`
      if (c.interactive && c.prompter.task) return c.prompter.task(title, () => render(c))
      c.stderr(`${title}\n`)
      return render(c)
    },
    (c) => (c.record ? upgrade(c) : undefined),
    (c) => (c.options.dryRun ? dryRun(c) : write(c)),
    finish,
  ]
  for (const step of steps) await step(ctx)
  return ctx
}
