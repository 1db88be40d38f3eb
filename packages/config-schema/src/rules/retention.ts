import { err, formatSeconds, type Rule } from './shared'

/** A record class with a legal retention duty is kept at least as long as the duty requires. */
export const retentionDuties: Rule = (_config, platform) =>
  Object.entries(platform.retention.recordClasses).flatMap(([name, rule]) =>
    rule.duty && rule.keep < rule.duty.minimum
      ? [
          err(
            'RETENTION_BELOW_DUTY',
            ['retention', 'recordClasses', name, 'keep'],
            `record class "${name}" is kept ${formatSeconds(rule.keep)}, less than the ${formatSeconds(rule.duty.minimum)} its duty requires (${rule.duty.source}): keep it at least that long`,
          ),
        ]
      : [],
  )
