import { PlatformError, type ResolvedPlatform } from '@verticals/config-schema'

/**
 * Redis key prefixes of one vertical, built once: `<prefix><platform>:<vertical>:<dataClass>:` per
 * data class the vertical uses, so the hot path only concatenates the caller's key.
 */
export class KeySpace {
  readonly base: string
  private readonly prefixes = new Map<string, string>()

  constructor(
    platform: ResolvedPlatform,
    vertical: string,
    /** The prefix every key starts with (tests isolate runs with one). */
    readonly prefix = '',
  ) {
    this.base = `${prefix}${platform.metadata.name}:${vertical}:`
    for (const dataClass of platform.verticals[vertical]?.dataClasses ?? []) {
      this.prefixes.set(dataClass, `${this.base}${dataClass}:`)
    }
  }

  /** The key prefix of a data class, or DATA_CLASS_UNKNOWN when the vertical does not use it. */
  prefixOf(dataClass: string): string {
    const prefix = this.prefixes.get(dataClass)
    if (prefix === undefined) {
      throw new PlatformError(
        'DATA_CLASS_UNKNOWN',
        `data class "${dataClass}" is not used by this vertical`,
        {
          hint: `Use one of: ${[...this.prefixes.keys()].join(', ')}; or add it to the vertical in platform.yaml.`,
        },
      )
    }
    return prefix
  }

  /** The key of a cached consent decision (a reserved segment that no data class key can produce). */
  consent(purpose: string, subjectId: string): string {
    return `${this.base}~consent:${purpose}:${subjectId}`
  }

  /** Set while a restriction of processing is in force: the cache then stores nothing about the subject. */
  restricted(subjectId: string): string {
    return `${this.base}~restricted:${subjectId}`
  }

  /** The set that indexes the cache keys written for a subject, so erasure can find them. */
  subjectIndex(subjectId: string): string {
    return `${this.base}~subject:${subjectId}`
  }
}
