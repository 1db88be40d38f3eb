// Human units as people write them in platform.yaml, each resolved to one plain number.
export { duration, parseDuration, positiveDuration } from './units/duration'
export { type Money, money, parseMoney } from './units/money'
export { parsePercent, percent } from './units/percent'
export { bytes, cpu, parseBytes, parseCpu } from './units/quantity'
export { clockTime, dnsLabel, label, timeZone, WEEKDAYS, weekday } from './units/text'
export { bundleVersion, isBundleVersion, SEMVER_PATTERN } from './units/version'
