import type { ResolvedVertical } from '@verticals/config-schema'
import { expect, test } from 'vitest'
import { infrastructureBundle, platformInfrastructureBundle } from '../infrastructure/index'
import { storeTerraformFile } from '../infrastructure/shared-stores'
import { exampleSource } from '../infrastructure/testing'
import { createTextEngine } from '../text/engine'
import { dataMapSchema } from './schemas'
import { artifactAt, buildVertical, examplePlatform } from './testing'

// The data map (and through it the records of processing) says which regions hold each storage system.
// That must be where the infrastructure bundle actually puts data: a copy in the DR region exists in
// Terraform exactly when the papers name the DR region: in the vertical's module, or in the module of
// the shared store it is a member of.

const platform = examplePlatform()
const DR_COPY: Readonly<Record<string, RegExp>> = {
  postgres: /resource "aws_db_instance" "dr_replica"/,
  'object-storage': /resource "aws_s3_bucket" "dr_objects"/,
  redis: /resource "aws_elasticache_[a-z_]+" "[a-z_]+" \{\s*provider\s*=\s*aws\.dr/,
}

test.each(Object.keys(platform.verticals))('%s: regions in the data map match the Terraform', (name) => {
  const vertical = platform.verticals[name] as ResolvedVertical
  // The vertical's own module, and the files of the shared stores it is a member of (dataStores.shared).
  const stores = new Set([
    storeTerraformFile(platform, vertical, 'postgres'),
    storeTerraformFile(platform, vertical, 'redis'),
  ])
  const terraform = [
    ...infrastructureBundle({
      platform,
      vertical,
      source: exampleSource(),
      text: createTextEngine(),
      migrations: [],
    }),
    ...platformInfrastructureBundle(platform, createTextEngine()).filter((a) => stores.has(a.path)),
  ]
    .filter((a) => a.kind === 'terraform')
    .map((a) => a.content)
    .join('\n')
  const map = dataMapSchema.parse(
    JSON.parse(artifactAt(buildVertical(platform, name), `${name}/compliance/data-map.json`).content),
  )
  const systems = new Map(
    map.dataClasses.flatMap((c) => c.storage.map((s) => [s.system, s.regions] as const)),
  )
  expect(systems.size).toBeGreaterThan(0)
  for (const [system, regions] of systems) {
    if (system === 'cdn') continue
    expect(regions[0]).toBe(platform.primaryRegion.name)
    const inDr = regions.includes(platform.drRegion!.name)
    expect(DR_COPY[system]!.test(terraform), `${system} copied to the DR region`).toBe(inDr)
  }
})
