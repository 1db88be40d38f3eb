// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are HCL, where ${ is the syntax under test
import { parse } from '@cdktf/hcl2json'
import { describe, expect, it } from 'vitest'
import { hclList, hclMap, hclValue } from './escape'

const NASTY = [
  'plain',
  '${var.secret}',
  '%{ if true }x%{ endif }',
  '$${already}',
  'a"b\\c',
  'line\nbreak\r\ttab',
  '}\n resource "x" "y" {',
  '$',
  '%',
  '$$',
  '{}',
  '',
]

// HCL keeps `$${` and `%%{` escaped in hcl2json's output; undo that to get the string Terraform sees.
const unescapeTemplate = (s: string) => s.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{')

describe('hclValue', () => {
  it.each(NASTY)('%j is one inert string literal that reads back as itself', async (text) => {
    const parsed = (await parse('t.tf', `locals {\n  v = ${hclValue(text)}\n}\n`)) as {
      locals: { v: string }[]
    }
    expect(Object.keys(parsed)).toEqual(['locals'])
    expect(unescapeTemplate(parsed.locals[0]!.v)).toBe(text)
  })

  it('escapes interpolation and directives, which a replacement string would get wrong', () => {
    expect(hclValue('${x} %{y}')).toBe('"$${x} %%{y}"')
  })

  it('writes numbers and booleans bare and refuses what HCL cannot hold', () => {
    expect(hclValue(5)).toBe('5')
    expect(hclValue(false)).toBe('false')
    expect(() => hclValue(Number.NaN)).toThrow(/cannot write NaN/)
    expect(() => hclValue({})).toThrow(/expects a string, number or boolean/)
  })
})

describe('hclList and hclMap', () => {
  it('quote every element and key, so config text cannot become an expression', async () => {
    const source = `locals {\n  l = ${hclList(NASTY)}\n  m = ${hclMap({ 'a" = 1 #': '${b}', ok: 'v' })}\n}\n`
    const parsed = (await parse('t.tf', source)) as { locals: { l: string[]; m: Record<string, string> }[] }
    expect(parsed.locals[0]!.l.map(unescapeTemplate)).toEqual(NASTY)
    expect(Object.keys(parsed.locals[0]!.m)).toEqual(['a" = 1 #', 'ok'])
  })

  it('refuse values of the wrong shape', () => {
    expect(() => hclList('a')).toThrow(/expects a list/)
    expect(() => hclMap(['a'])).toThrow(/expects an object/)
    expect(hclMap({})).toBe('{}')
  })
})
