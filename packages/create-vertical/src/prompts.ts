import { PlatformError } from '@verticals/config-schema'

/** One choice of a select prompt. */
export interface Choice {
  value: string
  label: string
  hint?: string
}

/**
 * Every question the scaffolder may ask goes through this interface, so tests replace one thing
 * and a run without a terminal can never wait for input.
 */
export interface Prompter {
  text(question: {
    flag: string
    message: string
    initial?: string
    validate?: (v: string) => string | undefined
  }): Promise<string>
  select(question: { flag: string; message: string; choices: readonly Choice[] }): Promise<string>
  /** Runs slow work under a spinner (terminal only; elsewhere the caller prints a progress line). */
  task?<T>(title: string, work: () => Promise<T>): Promise<T>
}

/** A prompter for runs without a terminal (or with --yes): every question is an error naming its flag. */
export const noPrompts: Prompter = {
  text: async ({ flag, message }) => missing(flag, message),
  select: async ({ flag, message, choices }) =>
    missing(flag, `${message} (one of: ${choices.map((c) => c.value).join(', ')})`),
}

function missing(flag: string, message: string): never {
  throw new PlatformError('INVALID_ARGUMENT', `missing ${flag}: ${message}`, {
    hint: `Pass ${flag} on the command line: without a terminal (or with --yes) create-vertical never asks.`,
  })
}

/** Prompts on the terminal with @clack/prompts; Ctrl-C cancels the whole run. */
export async function terminalPrompts(): Promise<Prompter> {
  // Loaded only on a terminal: runs in CI never pay for it.
  const clack = await import('@clack/prompts')
  const answer = (value: string | symbol): string => {
    if (typeof value === 'string') return value
    clack.cancel('Cancelled: nothing was written.')
    throw new PlatformError('INVALID_ARGUMENT', 'cancelled by the user')
  }
  return {
    async text({ message, initial, validate }) {
      const value = await clack.text({
        message,
        ...(initial === undefined ? {} : { placeholder: initial, defaultValue: initial }),
        ...(validate === undefined
          ? {}
          : { validate: (v: string | undefined) => validate(v || initial || '') }),
      })
      return answer(value)
    },
    async task(title, work) {
      const spin = clack.spinner()
      spin.start(title)
      try {
        const result = await work()
        spin.stop(title.replace(/\.*$/, ': done'))
        return result
      } catch (error) {
        spin.error(title.replace(/\.*$/, ': failed'))
        throw error
      }
    },
    async select({ message, choices }) {
      const options = choices.map((c) => ({
        value: c.value,
        label: c.label,
        ...(c.hint ? { hint: c.hint } : {}),
      }))
      return answer(await clack.select({ message, options }))
    },
  }
}
