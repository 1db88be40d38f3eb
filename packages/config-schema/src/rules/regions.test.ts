import { describe, expect, it } from 'vitest'
import { argentinaText, diagnosticsOf, edit, errorsAfter } from '../testing/example'

describe('regions', () => {
  it('refuse a DR region equal to the primary', () => {
    const [d] = diagnosticsOf(edit(argentinaText(), [['regions', 1, 'name'], 'sa-east-1']))
    expect(d).toMatchObject({ code: 'REGIONS', path: 'regions[1].name' })
    expect(d?.message).toBe('the DR region must differ from the primary region sa-east-1')
  })

  it('need exactly one primary', () => {
    expect(errorsAfter([['regions', 1, 'role'], 'primary'])).toEqual(['REGIONS regions'])
    expect(errorsAfter([['regions', 0, 'role'], 'dr'])).toContain('REGIONS regions')
  })

  it('allow at most one DR region', () => {
    const third = { name: 'us-west-2', role: 'dr' }
    expect(errorsAfter([['regions', 2], third])).toEqual(['REGIONS regions[2].role'])
  })

  it('allow no DR region at all', () => {
    expect(errorsAfter([['regions', 1], undefined])).toEqual([])
  })
})
