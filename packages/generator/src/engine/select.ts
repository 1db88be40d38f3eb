import { didYouMean, PlatformError, type ResolvedPlatform } from '@verticals/config-schema'

/**
 * The verticals a run covers, in config order. A selection must name declared, enabled verticals;
 * it is partial when it leaves out some enabled ones (other verticals' files are then kept).
 */
export function selectVerticals(
  config: ResolvedPlatform,
  selection: readonly string[] | undefined,
): { names: string[]; partial: boolean } {
  const enabled = Object.values(config.verticals)
    .filter((v) => v.enabled)
    .map((v) => v.name)
  if (selection === undefined) return { names: enabled, partial: false }
  for (const name of selection) {
    const vertical = config.verticals[name]
    if (!vertical) {
      const guess = didYouMean(name, Object.keys(config.verticals))
      const meant = guess ? ` (did you mean "${guess}"?)` : ''
      throw new PlatformError(
        'VERTICAL_UNKNOWN',
        `The vertical "${name}" is not declared in the config${meant}.`,
        {
          hint: `Declared verticals: ${Object.keys(config.verticals).join(', ') || '(none)'}.`,
        },
      )
    }
    if (!vertical.enabled) {
      throw new PlatformError('VERTICAL_DISABLED', `The vertical "${name}" is declared but not enabled.`, {
        hint: `Set verticals.${name}.enabled: true in the config, or leave it out of --vertical.`,
      })
    }
  }
  const chosen = new Set(selection)
  const names = enabled.filter((name) => chosen.has(name))
  return { names, partial: names.length < enabled.length }
}
