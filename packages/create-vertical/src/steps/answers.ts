import { basename, resolve } from 'node:path'
import {
  AWS_REGION_COUNTRIES,
  didYouMean,
  PlatformError,
  PRESET_NAMES,
  PRESETS,
} from '@verticals/config-schema'
import type { Context } from '../context'

/** The primary region when --region is not given: São Paulo, the closest to Argentine users. */
export const DEFAULT_REGION = 'sa-east-1'
const DNS_LABEL = /^[a-z]([a-z0-9-]{0,38}[a-z0-9])?$/

/** Checks a vertical name; the error lists the valid ones. */
export function checkVertical(vertical: string): string {
  if ((PRESET_NAMES as readonly string[]).includes(vertical)) return vertical
  const guess = didYouMean(vertical, PRESET_NAMES)
  const meant = guess ? ` (did you mean "${guess}"?)` : ''
  throw new PlatformError(
    'INVALID_ARGUMENT',
    `"${vertical}" isn't a valid vertical${meant}. Choose one of: ${PRESET_NAMES.join(', ')}`,
    {
      hint: `Pass --vertical ${guess ?? PRESET_NAMES[0]}${guess ? '' : ' (or another from the list)'}.`,
    },
  )
}

/** Why a name cannot be used, or undefined when it can. */
export function nameProblem(name: string): string | undefined {
  return DNS_LABEL.test(name)
    ? undefined
    : 'use lowercase letters, digits and dashes, starting with a letter (at most 40 characters)'
}

/** Why a region cannot be used, or undefined when it can. */
export function regionProblem(region: string): string | undefined {
  if (region in AWS_REGION_COUNTRIES) return undefined
  const guess = didYouMean(region, Object.keys(AWS_REGION_COUNTRIES))
  return guess
    ? `unknown AWS region (did you mean ${guess}?)`
    : `unknown AWS region; for example ${DEFAULT_REGION}, eu-west-1, us-east-1`
}

/** A name derived from the directory: lowercased, other characters turned into dashes. */
export function defaultName(dir: string): string {
  const name = basename(resolve(dir))
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^[^a-z]+|-+$/g, '')
  return name === '' ? 'my-service' : name.slice(0, 40).replace(/-+$/, '')
}

function checked(value: string, flag: string, problem: (v: string) => string | undefined): string {
  const reason = problem(value)
  if (reason) throw new PlatformError('INVALID_ARGUMENT', `${flag} "${value}": ${reason}`)
  return value
}

/** Fills dir, vertical, name and region from the flags, asking (on a terminal) for what is missing. */
export async function answers(
  ctx: Pick<
    Context,
    'options' | 'prompter' | 'interactive' | 'cwd' | 'dir' | 'target' | 'vertical' | 'name' | 'region'
  >,
): Promise<void> {
  const { options, prompter } = ctx
  // Without a terminal (or with --yes) the optional answers take their defaults; the required ones
  // (dir, vertical) go to noPrompts, which fails naming the flag.
  const interactive = ctx.interactive && !options.yes
  ctx.dir =
    options.dir ??
    (await prompter.text({
      flag: '<dir>',
      message: 'Where should the project be created?',
      initial: 'my-service',
    }))
  ctx.target = resolve(ctx.cwd, ctx.dir)
  ctx.vertical = checkVertical(
    options.vertical ??
      (await prompter.select({
        flag: '--vertical',
        message: 'Which vertical does the service run?',
        choices: PRESET_NAMES.map((value) => ({ value, label: value, hint: PRESETS[value].description })),
      })),
  )
  const name = options.name ?? (interactive ? undefined : defaultName(ctx.dir))
  ctx.name = checked(
    name ??
      (await prompter.text({
        flag: '--name',
        message: 'Service name?',
        initial: defaultName(ctx.dir),
        validate: nameProblem,
      })),
    '--name',
    nameProblem,
  )
  const region = options.region ?? (interactive ? undefined : DEFAULT_REGION)
  ctx.region = checked(
    region ??
      (await prompter.text({
        flag: '--region',
        message: 'Primary AWS region?',
        initial: DEFAULT_REGION,
        validate: regionProblem,
      })),
    '--region',
    regionProblem,
  )
}
