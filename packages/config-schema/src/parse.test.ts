import { describe, expect, it } from 'vitest'
import { formatDiagnostic } from './diagnostics'
import { parse } from './parse'
import { argentinaText, diagnosticsOf, edit } from './testing/example'

describe('parse', () => {
  it('accepts the example with no warnings', () => {
    const result = parse(argentinaText(), 'platform.yaml')
    expect(result.ok && result.warnings).toEqual([])
  })

  it('reports every problem at once, sorted by position', () => {
    const text = edit(
      argentinaText(),
      [['security', 'tls', 'minVersion'], '1.1'],
      [['metadata', 'nmae'], 'x'],
      [['slo', 'errorRate'], '0.1'],
    )
    const diagnostics = diagnosticsOf(text)
    expect(diagnostics.map((d) => d.path)).toEqual([
      'metadata.nmae',
      'slo.errorRate',
      'security.tls.minVersion',
    ])
    const lines = diagnostics.map((d) => d.line)
    expect([...lines].sort((a, b) => a - b)).toEqual(lines)
  })

  it('names unknown keys with a did-you-mean, at the key', () => {
    const text = argentinaText().replace('  maxReplicas: 50', '  maxReplica: 50')
    const [d] = diagnosticsOf(text)
    const line = text.split('\n').findIndex((l) => l.includes('maxReplica: 50')) + 1
    expect(d).toMatchObject({ code: 'UNKNOWN_KEY', line, column: 5, path: 'compute.autoscaling.maxReplica' })
    expect(d?.message).toBe('unknown key "maxReplica" (did you mean "maxReplicas"?)')
  })

  it('reports a missing field at its parent', () => {
    const diagnostics = diagnosticsOf(edit(argentinaText(), [['slo', 'mttr'], undefined]))
    expect(diagnostics.map((d) => `${d.code} ${d.path} ${d.message}`)).toEqual([
      'MISSING_FIELD slo.mttr missing required field "mttr"',
    ])
  })

  it('suggests the enum value a typo meant', () => {
    const [d] = diagnosticsOf(edit(argentinaText(), [['regions', 0, 'role'], 'primry']))
    expect(d?.message).toBe('"primry" is not allowed (did you mean "primary"?)')
  })

  it('refuses an unknown apiVersion and says which versions it reads', () => {
    const [d, ...rest] = diagnosticsOf(
      argentinaText().replace('apiVersion: verticals/v1', 'apiVersion: verticals/v2'),
    )
    expect(rest).toEqual([])
    expect(d).toMatchObject({ code: 'UNSUPPORTED_VERSION', line: 10, column: 13, path: 'apiVersion' })
    expect(d?.message).toBe(
      'apiVersion "verticals/v2" is not supported: this release of Verticals reads verticals/v1',
    )
  })

  it('reports YAML syntax errors with their position, the path of their line and no stack', () => {
    const [d] = diagnosticsOf('apiVersion: verticals/v1\nkind: "Platform\nmetadata: {}\n')
    expect(d).toMatchObject({ code: 'YAML_SYNTAX', line: 2, column: 7, path: 'kind' })
    expect(d?.message).toBe('the quoted text that starts here never ends: close it with "')
  })

  it('refuses a document that is not a mapping', () => {
    expect(diagnosticsOf('- a\n- b\n')[0]).toMatchObject({
      code: 'INVALID_VALUE',
      line: 1,
      column: 1,
      path: '',
    })
    expect(diagnosticsOf('')[0]?.code).toBe('INVALID_VALUE')
  })

  it('formats a diagnostic as file:line:col  path  message', () => {
    const [d] = diagnosticsOf(edit(argentinaText(), [['slo', 'availability'], '99.9']))
    expect(d && formatDiagnostic(d)).toMatch(
      /^platform\.yaml:\d+:\d+ {2}slo\.availability {2}"99\.9" is not a percentage/,
    )
  })

  it('names the file it was given', () => {
    const result = parse('- a\n', 'custom/place.yaml')
    expect(!result.ok && result.diagnostics[0]?.file).toBe('custom/place.yaml')
  })
})
