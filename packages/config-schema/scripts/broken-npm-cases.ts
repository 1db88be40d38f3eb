import { type BrokenCase, c } from './broken-case.ts'

const CONTACT = '    contact: privacidad@turnos.example\n'

/** The version bundles are published under, and the npm names of the bundle packages. */
export const NPM_CASES: BrokenCase[] = [
  c('version-build-metadata', 'INVALID_VALUE', 'metadata.version', [
    '  version: 1.0.0 #',
    '  version: §1.0.0+build.7 #',
  ]),
  c('version-leading-zero', 'INVALID_VALUE', 'metadata.version', [
    '  version: 1.0.0 #',
    '  version: §01.0.0 #',
  ]),
  c('npm-scope-uppercase', 'INVALID_VALUE', 'metadata.npm.scope', [
    CONTACT,
    `${CONTACT}  npm: { scope: §"@Turnos" }\n`,
  ]),
  c('rule-npm-name-refused', 'INVALID_VALUE', 'metadata.npm.name', [
    CONTACT,
    `${CONTACT}  npm: { scope: "@turnos", name: §"{vertical} bundle" }\n`,
  ]),
  c('rule-npm-name-without-vertical', 'INVALID_VALUE', 'metadata.npm.name', [
    CONTACT,
    `${CONTACT}  npm:\n    name: §bundles\n`,
  ]),
  c('rule-npm-name-unknown-placeholder', 'INVALID_VALUE', 'metadata.npm.name', [
    CONTACT,
    `${CONTACT}  npm:\n    name: §"{vertcal}-bundle"\n`,
  ]),
]
