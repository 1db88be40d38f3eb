import { describe, expect, it } from 'vitest'
import { formatDiagnostic } from '../diagnostics'
import { parse } from '../parse'
import { argentinaText, diagnosticsOf, edit, errorsAfter } from '../testing/example'

describe('the edge rules', () => {
  it('refuses a CDN TTL on personal data, at its line and column, with a hint', () => {
    const text = edit(argentinaText(), [['cache', 'cdnTtl', 'user-profiles'], '1m'])
    const [d] = diagnosticsOf(text).filter((x) => x.severity === 'error')
    const line = text.split('\n').findIndex((l) => l.includes('user-profiles: 1m')) + 1
    expect(d).toMatchObject({ code: 'PERSONAL_DATA_AT_EDGE', path: 'cache.cdnTtl.user-profiles', line })
    expect(formatDiagnostic(d as NonNullable<typeof d>)).toMatch(
      /^platform\.yaml:\d+:\d+ {2}cache\.cdnTtl\.user-profiles {2}"user-profiles" is personal data \(user\.contact\).*\(hint: .*cache\.ttl\.user-profiles instead\)$/,
    )
  })

  it('refuses viewer-header recognition without CloudFront', () => {
    expect(errorsAfter([['security', 'edge', 'cdn', 'enabled'], false])).toContain(
      'EDGE markets.buenos-aires.recognize.viewerRegions',
    )
  })

  it('refuses an in-cluster ingress namespace beside the ALB, and a config with neither', () => {
    expect(errorsAfter([['security', 'network', 'ingressNamespace'], 'ingress-nginx'])).toEqual([
      'EDGE security.network.ingressNamespace',
    ])
    const neither = errorsAfter([['security', 'edge'], undefined])
    expect(neither).toContain('EDGE security.network')
  })

  it('wants each certificate in the region of the listener that serves it', () => {
    const arn = (region: string) =>
      `arn:aws:acm:${region}:123456789012:certificate/0b7c1e2a-4d5f-4a6b-9c8d-1e2f3a4b5c6d`
    expect(errorsAfter([['security', 'edge', 'certificateArn'], arn('us-east-1')])).toEqual([
      'EDGE security.edge.certificateArn',
    ])
    expect(errorsAfter([['security', 'edge', 'cdn', 'certificateArn'], arn('sa-east-1')])).toEqual([
      'EDGE security.edge.cdn.certificateArn',
    ])
  })

  it('wants paths for every CDN TTL, and a CDN TTL for every path list', () => {
    expect(errorsAfter([['security', 'edge', 'cdn', 'paths', 'api-responses'], undefined])).toEqual([
      'EDGE cache.cdnTtl.api-responses',
    ])
    expect(errorsAfter([['security', 'edge', 'cdn', 'paths', 'user-profiles'], ['/me/*']])).toEqual([
      'EDGE security.edge.cdn.paths.user-profiles',
    ])
  })

  it('treats edgeCache as a capacity figure: planned behind the CDN, a warning without one', () => {
    expect(errorsAfter([['markets', 'cordoba', 'edgeCache'], '0G'])).toEqual([
      'EDGE markets.cordoba.edgeCache',
    ])
    const result = parse(
      edit(
        argentinaText(),
        [['security', 'edge', 'cdn', 'enabled'], false],
        [['markets', 'rosario', 'recognize'], undefined],
      ),
    )
    const warnings = (result.ok ? result.warnings : result.diagnostics).filter(
      (d) => d.severity === 'warning',
    )
    expect(warnings.map((d) => `${d.code} ${d.path}`)).toContain('EDGE markets.cordoba.edgeCache')
  })
})
