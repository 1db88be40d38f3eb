import { describe, expect, it } from 'vitest'
import { categoryFacts, DATA_CATEGORIES } from './categories'
import { FIDESLANG_CATEGORIES, FIDESLANG_REPLACED, FIDESLANG_TAXONOMY, VERTICALS_RENAMED } from './fideslang'
import { argentinaText, diagnosticsOf, edit, resolveText } from './testing/example'

const category = (value: string) =>
  diagnosticsOf(edit(argentinaText(), [['dataClasses', 'session-notes', 'category'], value]))[0]

describe('fideslang data categories', () => {
  it('keeps the taxonomy with its version and source', () => {
    expect(FIDESLANG_TAXONOMY).toMatchObject({
      version: '3.2.0',
      path: 'src/fideslang/default_taxonomy/data_categories.py',
    })
    expect(new Set(FIDESLANG_CATEGORIES).size).toBe(FIDESLANG_CATEGORIES.length)
    // Every key's parent is a key too: the list is a tree, as in the taxonomy file.
    for (const key of FIDESLANG_CATEGORIES)
      if (key.includes('.')) expect(FIDESLANG_CATEGORIES).toContain(key.slice(0, key.lastIndexOf('.')))
  })

  it('facts are kept only for fideslang keys, and replacements name fideslang keys', () => {
    for (const key of Object.keys(DATA_CATEGORIES)) expect(FIDESLANG_CATEGORIES).toContain(key)
    for (const key of [...Object.values(FIDESLANG_REPLACED), ...Object.values(VERTICALS_RENAMED)])
      expect(FIDESLANG_CATEGORIES).toContain(key)
    for (const key of [...Object.keys(FIDESLANG_REPLACED), ...Object.keys(VERTICALS_RENAMED)])
      expect(FIDESLANG_CATEGORIES).not.toContain(key)
  })

  it('a key takes the facts of its nearest ancestor', () => {
    expect(categoryFacts('user.health.medical_diagnosis').specialIn).toEqual(['AR', 'BR', 'EU'])
    expect(categoryFacts('user.health.genetic').specialIn).toEqual(['BR', 'EU'])
    expect(categoryFacts('user.name.first')).toEqual({ personal: true, specialIn: [] })
    expect(categoryFacts('system.operations').personal).toBe(false)
    const platform = resolveText(
      edit(argentinaText(), [
        ['dataClasses', 'session-notes', 'category'],
        'user.health.social_psychological_behavioral',
      ]),
    )
    expect(platform.dataClasses['session-notes']).toMatchObject({
      special: true,
      specialIn: ['AR', 'BR', 'EU'],
    })
  })

  it('a near miss gets a did-you-mean', () => {
    expect(category('user.helth')).toMatchObject({
      code: 'INVALID_VALUE',
      path: 'dataClasses.session-notes.category',
      message: '"user.helth" is not allowed (did you mean "user.health"?)',
    })
  })

  it('an old Verticals spelling names the fideslang key that replaced it', () => {
    expect(category('user.racial_ethnic_origin')?.message).toBe(
      '"user.racial_ethnic_origin" is not a fideslang 3.2.0 data category: use "user.demographic.race_ethnicity"',
    )
    expect(category('system.assets')?.message).toMatch(/use "system\.operations"$/)
  })

  it('a key fideslang 3.2.0 deprecated names its replacement', () => {
    expect(category('user.health_and_medical')?.message).toBe(
      '"user.health_and_medical" is not a fideslang 3.2.0 data category: use "user.health"',
    )
  })

  it('a key that is nowhere near is refused with the taxonomy named', () => {
    expect(category('customer.secrets')?.message).toBe(
      '"customer.secrets" is not allowed: expected a fideslang 3.2.0 data category such as user.contact or user.health',
    )
  })
})
