import { fileURLToPath } from 'node:url'

// This file sits one level below the package root in src/ and is bundled one level below it in dist/,
// so the same relative URL finds the shipped templates in both.
/** Directory of the text templates shipped with this package. */
export const BUILTIN_TEMPLATES_DIR = fileURLToPath(new URL('../templates/', import.meta.url))

/** Directory of the validator schemas shipped with this package (see scripts/make-*-schema.mjs). */
export const SCHEMAS_DIR = fileURLToPath(new URL('../schemas/', import.meta.url))

/** The price table shipped with this package: on-demand USD prices of the resources a bundle creates. */
export const PRICES_FILE = fileURLToPath(new URL('../prices/aws-on-demand.json', import.meta.url))
