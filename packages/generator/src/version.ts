import { name, version } from '../package.json'

/** The npm name of this package, recorded in every manifest.json it writes. */
export const GENERATOR_NAME: string = name
/** The version of this package: same config and same version give byte-identical bundles. */
export const GENERATOR_VERSION: string = version
