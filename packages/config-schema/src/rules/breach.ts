import { BREACH_FACTS, breachDeadlineSeconds } from '../breach'
import { JURISDICTIONS } from '../jurisdictions'
import { err, formatSeconds, type Rule } from './shared'

/**
 * A breach-notification target belongs to a declared jurisdiction and is never longer than that law's
 * shortest deadline (business days counted as calendar days, the shortest they can be).
 */
export const breachTargets: Rule = (config) =>
  JURISDICTIONS.flatMap((code) => {
    const own = config.incidents.breachNotification[code]
    if (own === undefined) return []
    const path = ['incidents', 'breachNotification', code]
    if (!config.jurisdictions.includes(code))
      return [err('BREACH_TARGET_INVALID', path, `${code} is not declared in jurisdictions`)]
    if (own.within === undefined) return []
    return BREACH_FACTS[code].flatMap((clock) => {
      const limit = breachDeadlineSeconds(clock.deadline)
      if (limit === null || own.within === undefined || own.within <= limit) return []
      return [
        err(
          'BREACH_TARGET_INVALID',
          [...path, 'within'],
          `${formatSeconds(own.within)} exceeds ${code}: ${clock.source}, at most ${formatSeconds(limit)}`,
        ),
      ]
    })
  })
