import { type BlockSchema, REQUIRED } from './aws-provider-schema'

// Terraform's own blocks and meta-arguments (Terraform 1.x language), in the provider schema's shape.

const CONDITION: BlockSchema = { a: { condition: REQUIRED, error_message: REQUIRED } }
export const LIFECYCLE: BlockSchema = {
  a: { create_before_destroy: 0, prevent_destroy: 0, ignore_changes: 0, replace_triggered_by: 0 },
  b: { precondition: CONDITION, postcondition: CONDITION },
}
export const DATA_LIFECYCLE: BlockSchema = { b: { precondition: CONDITION, postcondition: CONDITION } }
export const VARIABLE: BlockSchema = {
  a: { type: 0, default: 0, description: 0, sensitive: 0, nullable: 0, ephemeral: 0 },
  b: { validation: CONDITION },
}
export const OUTPUT: BlockSchema = {
  a: { value: REQUIRED, description: 0, sensitive: 0, ephemeral: 0, depends_on: 0 },
  b: { precondition: CONDITION },
}
export const TERRAFORM_KEYS = new Set([
  'required_version',
  'required_providers',
  'backend',
  'cloud',
  'experiments',
  'provider_meta',
])
// Meta-arguments every resource and data block takes besides its type's own schema.
export const META_ARGUMENTS = new Set(['count', 'for_each', 'depends_on', 'provider'])
export const RESOURCE_META_BLOCKS = new Set(['provisioner', 'connection'])
