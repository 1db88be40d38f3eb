import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import Ajv2020 from 'ajv/dist/2020'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import * as z from 'zod'
import { toJsonSchema } from './json-schema'
import { argentinaText, barberText } from './testing/example'
import { bytes, cpu, duration, money, percent } from './units'

const schema = toJsonSchema()
const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema)
const dir = fileURLToPath(new URL('./__fixtures__/broken/', import.meta.url))
const corpus = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((file) => {
    const text = readFileSync(`${dir}${file}`, 'utf8')
    return { file, text, code: /^# expect: \S+ (\S+)/.exec(text)?.[1] }
  })

// Problems JSON Schema cannot express, so an editor accepts these files and only `parse` refuses them:
const BEYOND_JSON_SCHEMA: Record<string, string> = {
  '28-unit-duration-reordered.yaml':
    'unit order inside a duration is checked by the unit parser, not a pattern',
  '30-unit-percent-above-100.yaml':
    'the range of a percentage written as a string is checked after parsing it',
  '35-unit-time-zone.yaml':
    'whether a name is an IANA time zone is checked against the tzdata list, not a pattern',
  '24-wrong-image-tag-latest.yaml': 'refusing the tag "latest" is a refinement',
  '40-range-zero-dsr-deadline.yaml': '"longer than 0s" is checked on the parsed duration',
}
// YAML_SYNTAX files are not data at all; rule codes (SHARES_NOT_100 ... SCHEDULE) are cross-field rules.
const SHAPE_CODES = new Set(['UNSUPPORTED_VERSION', 'UNKNOWN_KEY', 'MISSING_FIELD', 'INVALID_VALUE'])
const isShapeError = (c: (typeof corpus)[number]) =>
  SHAPE_CODES.has(c.code ?? '') && !c.file.includes('-rule-') && !(c.file in BEYOND_JSON_SCHEMA)

describe('JSON Schema', () => {
  it('is committed as schema.json and kept fresh', async () => {
    await expect(`${JSON.stringify(schema, null, 2)}\n`).toMatchFileSnapshot('../schema.json')
  })

  it('is draft 2020-12 and strict about keys', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    expect(schema.additionalProperties).toBe(false)
  })

  it.each([
    ['argentina', argentinaText],
    ['barber', barberText],
  ])('accepts the %s example', (_, text) => {
    expect(validate(parseYaml(text())), JSON.stringify(validate.errors)).toBe(true)
  })

  it('rejects every corpus file whose problem is a type or shape error', () => {
    const shape = corpus.filter(isShapeError)
    expect(shape.length).toBeGreaterThanOrEqual(30)
    const accepted = shape.filter((c) => validate(parseYaml(c.text))).map((c) => c.file)
    expect(accepted).toEqual([])
  })

  it('accepts the cross-field and beyond-schema files, which is why they are excluded above', () => {
    const beyond = corpus.filter((c) => c.code !== 'YAML_SYNTAX' && !isShapeError(c))
    expect(beyond.length).toBeGreaterThanOrEqual(Object.keys(BEYOND_JSON_SCHEMA).length + 30)
    const rejected = beyond.filter((c) => !validate(parseYaml(c.text))).map((c) => c.file)
    expect(rejected).toEqual([])
  })

  it('gives each unit a pattern that agrees with its parser', () => {
    // [unit, accepted by both, refused by both, refused by the parser alone (beyond a pattern)]
    const samples: [z.ZodType, string[], string[], string[]][] = [
      [duration, ['90s', '1h30m', '24mo', '50ms', '1.5h'], ['90', '1M', '5 m', ''], ['30m1h']],
      [percent, ['70%', '99.95%', ' 5 % '], ['70', '%', '-5%'], ['150%']],
      [money, ['USD 15000', '15000 USD', 'ARS 49.90'], ['USD 15,000', '15000', 'usd 1'], []],
      [cpu, ['500m', '2', '0.25'], ['2 cores', '1.5m', '0.0001'], []],
      [bytes, ['1Gi', '100G', '512Mi'], ['100GB', '1 Gi', '1gi'], []],
    ]
    for (const [unit, good, bad, parserOnly] of samples) {
      const pattern = new RegExp(String(z.toJSONSchema(unit, { io: 'input' }).pattern))
      const verdicts = (texts: string[]) => texts.map((t) => [t, pattern.test(t), unit.safeParse(t).success])
      expect(verdicts(good)).toEqual(good.map((t) => [t, true, true]))
      expect(verdicts(bad)).toEqual(bad.map((t) => [t, false, false]))
      expect(verdicts(parserOnly)).toEqual(parserOnly.map((t) => [t, true, false]))
    }
  })
})
