import { describe, expect, it } from 'vitest'
import { bundlePackageName, npmNameProblem, unknownPlaceholders } from './npm-package'
import { parse } from './parse'
import { argentinaText } from './testing/example'

describe('bundle package names', () => {
  it('default to @<metadata.name>/<vertical>-bundle when platform.yaml says nothing', () => {
    const result = parse(argentinaText(), 'platform.yaml')
    if (!result.ok) throw new Error('the example is valid')
    expect(result.platform.metadata.npm).toEqual({ scope: '@turnos', name: '{vertical}-bundle' })
    expect(bundlePackageName(result.platform.metadata, 'psychology')).toBe('@turnos/psychology-bundle')
  })

  it('replace {vertical} and {platform} in the pattern', () => {
    const metadata = { name: 'turnos', npm: { scope: '@acme', name: '{platform}-{vertical}' } }
    expect(bundlePackageName(metadata, 'fitness')).toBe('@acme/turnos-fitness')
  })

  it('name unknown placeholders', () => {
    expect(unknownPlaceholders('{vertical}-{env}-{platform}')).toEqual(['env'])
  })

  it('are judged as npm judges a new package name', () => {
    expect(npmNameProblem('@turnos/psychology-bundle')).toBeUndefined()
    expect(npmNameProblem('@turnos/Psychology')).toMatch(/capital letters/)
    expect(npmNameProblem('@turnos/a b')).toMatch(/URL-friendly/)
  })

  it('report a refused name at metadata.npm.name with the name npm would see', () => {
    const text = argentinaText().replace(
      '    contact: privacidad@turnos.example\n',
      '    contact: privacidad@turnos.example\n  npm: { name: "{vertical}~bundle!" }\n',
    )
    const result = parse(text, 'platform.yaml')
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.diagnostics[0]).toMatchObject({ path: 'metadata.npm.name', line: 23 })
    expect(result.diagnostics[0]?.message).toMatch(/"@turnos\/barber~bundle!", which npm refuses: .*special/)
  })
})
