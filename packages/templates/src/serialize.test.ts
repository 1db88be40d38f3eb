import { describe, expect, it } from 'vitest'
import { finalizeText } from './serialize'

// What finalizeText promises, written as the two regular expressions it once was.
const reference = (text: string) => `${text.replace(/\r\n?/g, '\n').replace(/\n*$/, '')}\n`

describe('finalizeText', () => {
  it.each([
    ['', '\n'],
    ['a', 'a\n'],
    ['a\n', 'a\n'],
    ['a\n\n\n', 'a\n'],
    ['\n', '\n'],
    ['\n\n', '\n'],
    ['a\r\nb\r', 'a\nb\n'],
    ['a\rb\r\n\r\n', 'a\nb\n'],
    ['\n\na\n\nb', '\n\na\n\nb\n'],
    ['a \n', 'a \n'],
  ])('%j becomes %j', (text, expected) => {
    expect(finalizeText(text)).toBe(expected)
    expect(reference(text)).toBe(expected)
  })

  it('agrees with the regular expressions on every text of up to six of \\r, \\n, a and space', () => {
    const alphabet = ['\r', '\n', 'a', ' ']
    let texts = ['']
    for (let length = 1; length <= 6; length++) {
      texts = texts.flatMap((t) => (t.length === length - 1 ? alphabet.map((c) => t + c) : [])).concat(texts)
      for (const text of texts) expect(finalizeText(text), JSON.stringify(text)).toBe(reference(text))
    }
  })

  it('returns a text that is already final as it is', () => {
    const text = `${'x'.repeat(1000)}\n`
    expect(finalizeText(text)).toBe(text)
  })
})
