import type { Artifact, ArtifactKind } from '../artifact'
import { generatedHeader } from '../header'
import { toJson } from '../serialize'
import { bundlePath, type ComplianceContext } from './facts'

/**
 * A Markdown file rendered from `<folder>/<file>.hbs` with the generated header on top. The view is
 * the only data the template sees: users who override a template get exactly these fields.
 */
export function markdownArtifact(
  { text, vertical }: ComplianceContext,
  folder: 'compliance' | 'runbooks',
  file: string,
  kind: Extract<ArtifactKind, 'compliance-document' | 'runbook'>,
  view: object,
): Artifact {
  return {
    path: bundlePath(vertical, folder, file),
    kind,
    vertical: vertical.name,
    content: generatedHeader('markdown') + text.render(`${folder}/${file}`, view),
  }
}

/** A JSON policy of the compliance folder, serialized with sorted keys. */
export function policyArtifact(
  { vertical }: Pick<ComplianceContext, 'vertical'>,
  file: string,
  value: object,
): Artifact {
  return {
    path: bundlePath(vertical, 'compliance', file),
    kind: 'compliance-policy',
    vertical: vertical.name,
    content: toJson(value),
  }
}
