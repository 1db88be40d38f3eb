import { describe, expect, it } from 'vitest'
import { forEachLimit } from './pool'

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('forEachLimit', () => {
  it('keeps at most `limit` calls in flight and visits every item', async () => {
    let inFlight = 0
    let peak = 0
    const seen: number[] = []
    await forEachLimit([1, 2, 3, 4, 5, 6, 7], 3, async (item) => {
      peak = Math.max(peak, ++inFlight)
      await tick(2)
      seen.push(item)
      inFlight--
    })
    expect(peak).toBe(3)
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5, 6, 7])
  })

  it('after a failure starts nothing new, lets calls in flight finish, then throws the first error', async () => {
    const finished: number[] = []
    const started: number[] = []
    const run = forEachLimit([0, 1, 2, 3, 4, 5], 2, async (item) => {
      started.push(item)
      if (item === 0) throw new Error('first')
      await tick(20)
      finished.push(item)
      if (item === 1) throw new Error('second')
    })
    await expect(run).rejects.toThrow('first')
    expect(started).toEqual([0, 1])
    expect(finished).toEqual([1])
  })
})
