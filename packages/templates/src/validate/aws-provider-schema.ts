import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { SCHEMAS_DIR } from '../paths'

/** One block of the provider schema: arguments (bit 1 required, bit 2 object-typed) and nested blocks. */
export interface BlockSchema {
  readonly a?: Readonly<Record<string, number>>
  readonly b?: Readonly<Record<string, NestedBlockSchema>>
}

/** A nested block: `r` when at least one is required, `o` when the manifest leaves its contents opaque. */
export interface NestedBlockSchema extends BlockSchema {
  readonly r?: 1
  readonly o?: 1
}

/** A resource type or data source: its block plus `c`, the attributes only the provider sets. */
export interface TypeSchema extends BlockSchema {
  readonly c: readonly string[]
}

/** schemas/aws-provider.schema.json, written by scripts/make-aws-provider-schema.mjs. */
export interface ProviderSchema {
  readonly provider: { readonly source: string; readonly version: string }
  readonly from: string
  readonly config: BlockSchema
  readonly resources: Readonly<Record<string, TypeSchema>>
  readonly dataSources: Readonly<Record<string, TypeSchema>>
}

export const REQUIRED = 1
export const OBJECT_TYPED = 2

let loading: Promise<ProviderSchema> | undefined

/** The AWS provider schema, read and parsed once per process (about 0.8 MB). */
export function awsProviderSchema(): Promise<ProviderSchema> {
  loading ??= readFile(join(SCHEMAS_DIR, 'aws-provider.schema.json'), 'utf8').then(
    (text) => JSON.parse(text) as ProviderSchema,
  )
  return loading
}
