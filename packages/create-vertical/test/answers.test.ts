import { describe, expect, it } from 'vitest'
import type { Context } from '../src/context'
import type { ScaffoldOptions } from '../src/options'
import { noPrompts, type Prompter } from '../src/prompts'
import { answers, defaultName } from '../src/steps/answers'

const base: ScaffoldOptions = { yes: false, dryRun: false, force: false, help: false, version: false }

/** A prompter that answers from a table by flag and records what was asked. */
function mockPrompt(replies: Record<string, string>): Prompter & { asked: string[] } {
  const asked: string[] = []
  const reply = async ({ flag }: { flag: string }) => {
    asked.push(flag)
    const value = replies[flag]
    if (value === undefined) throw new Error(`unexpected question ${flag}`)
    return value
  }
  return { asked, text: reply, select: reply }
}

async function run(options: Partial<ScaffoldOptions>, prompter: Prompter, interactive = true) {
  const ctx = { options: { ...base, ...options }, prompter, interactive, cwd: '/work' } as Context
  await answers(ctx)
  return ctx
}

describe('answers', () => {
  it('asks on a terminal for everything the flags leave out', async () => {
    const prompter = mockPrompt({
      '<dir>': 'studio',
      '--vertical': 'beauty',
      '--name': 'studio-app',
      '--region': 'eu-west-1',
    })
    const ctx = await run({}, prompter)
    expect(prompter.asked).toEqual(['<dir>', '--vertical', '--name', '--region'])
    expect(ctx).toMatchObject({
      dir: 'studio',
      target: '/work/studio',
      vertical: 'beauty',
      name: 'studio-app',
      region: 'eu-west-1',
    })
  })

  it('asks nothing when every flag is given', async () => {
    const prompter = mockPrompt({})
    const ctx = await run({ dir: 'a', vertical: 'barber', name: 'abc', region: 'us-east-1' }, prompter)
    expect(prompter.asked).toEqual([])
    expect(ctx.region).toBe('us-east-1')
  })

  it('with --yes or without a terminal, takes the defaults for name and region and never asks', async () => {
    const prompter = mockPrompt({})
    expect(await run({ dir: 'My Shop!', vertical: 'barber', yes: true }, prompter)).toMatchObject({
      name: 'my-shop',
      region: 'sa-east-1',
    })
    expect((await run({ dir: 'x1', vertical: 'fitness' }, prompter, false)).name).toBe('x1')
    expect(prompter.asked).toEqual([])
  })

  it('without a terminal, a missing required answer is an error naming its flag', async () => {
    await expect(run({ dir: 'a' }, noPrompts, false)).rejects.toThrow(
      'missing --vertical: Which vertical does the service run? (one of: barber, psychology, beauty, fitness)',
    )
    await expect(run({ vertical: 'barber' }, noPrompts, false)).rejects.toThrow('missing <dir>')
  })

  it('rejects a name that is not a DNS label and an unknown region, even when typed at a prompt', async () => {
    await expect(run({ dir: 'a', vertical: 'barber', name: 'Bad_Name' }, mockPrompt({}))).rejects.toThrow(
      '--name "Bad_Name": use lowercase letters',
    )
    const prompter = mockPrompt({ '--region': 'moon-1' })
    await expect(run({ dir: 'a', vertical: 'barber', name: 'ok' }, prompter)).rejects.toThrow(
      '--region "moon-1"',
    )
  })

  it('derives a usable default name from any directory', () => {
    expect(defaultName('./services/Booking API')).toBe('booking-api')
    expect(defaultName('123')).toBe('my-service')
  })
})
