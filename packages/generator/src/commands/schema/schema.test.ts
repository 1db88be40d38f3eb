import { readFileSync } from 'node:fs'
import Ajv from 'ajv/dist/2020'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { timeoutFor } from '../../../../../testing/costs'
import { EXAMPLE_CONFIG, ROOT } from '../../testing/fixtures'
import { verticals } from '../../testing/spawn-cli'

describe('verticals schema', { timeout: timeoutFor({ cli: 2 }) }, () => {
  it('prints a JSON Schema that accepts the example config, exit 0', async () => {
    const run = await verticals(['schema'])
    expect(run.code).toBe(0)
    const schema = JSON.parse(run.stdout)
    expect(schema.type).toBe('object')
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema)
    const example = parseYaml(readFileSync(EXAMPLE_CONFIG, 'utf8'))
    expect(validate(example), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true)
    expect(validate({ ...example, apiVersion: 42 })).toBe(false)
  })

  it('prints exactly the schema.json that @verticals/config-schema publishes', async () => {
    const run = await verticals(['schema'])
    expect(run.stdout).toBe(readFileSync(`${ROOT}packages/config-schema/schema.json`, 'utf8'))
  })
})
