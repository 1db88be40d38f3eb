import { availableParallelism, loadavg } from 'node:os'
import measured from './step-costs.json' with { type: 'json' }

/** A heavy step a test can take; its idle cost is measured by `npm run bench` into step-costs.json. */
export type Step = keyof typeof measured.steps

/** The measured idle cost of each step, in milliseconds. */
export const STEP_MS: Readonly<Record<Step, number>> = Object.fromEntries(
  Object.entries(measured.steps).map(([step, { ms }]) => [step, ms]),
) as Record<Step, number>

// Within `npm test` two workers share the cores with the processes they spawn (about 2x a step's
// idle time); a second `npm test` on the same machine doubles that again; 6x leaves room beyond it.
// A machine already busier than that when the file loads stretches the factor with its load.
const HEADROOM = Math.max(6, (3 * (loadavg()[0] ?? 0)) / availableParallelism())
// Below this, a test is dominated by its own start-up rather than by the steps it names.
const FLOOR_MS = 10_000

/**
 * The timeout of a test that takes `steps` (how many of each): their measured idle cost times the
 * headroom a loaded machine needs, never less than 10 s. A test's timeout says what the test does.
 */
export function timeoutFor(steps: Readonly<Partial<Record<Step, number>>>): number {
  let ms = 0
  for (const [step, count] of Object.entries(steps) as [Step, number][]) ms += STEP_MS[step] * count
  return Math.max(FLOOR_MS, Math.ceil(ms * HEADROOM))
}
