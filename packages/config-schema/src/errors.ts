import type { Diagnostic } from './diagnostics'

/** Codes of errors the platform raises at run time; each has a stable meaning. */
export const PLATFORM_ERROR_CODES = {
  CONFIG_INVALID: 'platform.yaml has errors; the diagnostics list each one.',
  CONFIG_UNREADABLE: 'platform.yaml could not be read.',
  VERTICAL_UNKNOWN: 'The vertical is not declared in platform.yaml.',
  VERTICAL_DISABLED: 'The vertical is declared but not enabled.',
  DATA_CLASS_UNKNOWN: 'The data class is not used by this vertical.',
  PURPOSE_UNKNOWN: 'The consent purpose is not used by this vertical.',
  OUTPUT_INVALID: 'A generated artifact was rejected by its validator.',
  OUTPUT_NOT_OURS: 'The output directory holds files that Verticals did not write.',
  DRIFT: 'A committed bundle differs from what the config generates.',
  MERGE_CONFLICT: 'An upgrade changed lines that were edited locally too; the files hold conflict markers.',
  PUBLISH_REFUSED: 'The bundle version already exists with different content.',
  INTEGRITY: 'A downloaded file does not match its manifest checksum.',
  DEPENDENCY_UNAVAILABLE: 'PostgreSQL or Redis did not answer.',
  STORAGE_UNAVAILABLE: 'The object store (S3 or compatible) refused or failed a request.',
  REGISTRY_UNAVAILABLE: 'The npm registry (or the npm client) refused or failed a request.',
  INVALID_ARGUMENT: 'A function was called with a value it cannot accept.',
  NOT_FOUND: 'The record does not exist.',
  MIGRATION_PENDING: 'The database lacks migrations and this connection may not apply them.',
  AUDIT_KEY_MISSING: 'The audit key that keys every audit chain is missing or too short.',
  SUBJECT_KEY_MISSING:
    'The subject key that keys the digests of subject and actor ids is missing or too short.',
  DEPLOYMENT_ENV_MISSING:
    'A variable of the deployment contract (set by the generated Deployment) is not set.',
  IDENTITY_NOT_VERIFIED:
    "A data-subject request came without a verification of the requester's identity, or its verifier refused it.",
} as const

export type PlatformErrorCode = keyof typeof PLATFORM_ERROR_CODES

/** An expected failure with a stable code; the CLI turns it into a message and exit code 1. */
export class PlatformError extends Error {
  override readonly name = 'PlatformError'
  readonly code: PlatformErrorCode
  readonly diagnostics: readonly Diagnostic[]
  readonly hint: string | undefined

  constructor(
    code: PlatformErrorCode,
    message: string,
    options: { diagnostics?: readonly Diagnostic[]; hint?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.code = code
    this.diagnostics = options.diagnostics ?? []
    this.hint = options.hint
  }
}

/** Whether a thrown value is a PlatformError (also across duplicated package copies). */
export function isPlatformError(value: unknown): value is PlatformError {
  return (
    value instanceof PlatformError ||
    (value instanceof Error && value.name === 'PlatformError' && 'code' in value)
  )
}
