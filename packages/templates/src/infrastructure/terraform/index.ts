import type { Artifact, BundleContext } from '../../artifact'
import { generatedHeader } from '../../header'
import { erasureRelayAccessView } from '../erasure-relay'
import { alarmsView } from './alarms'
import { auditAnchorsView } from './audit-anchors'
import { budgetView } from './budget'
import { cacheView } from './cache'
import { databaseView } from './database'
import { edgeView } from './edge'
import { memberStoresView } from './member-stores'
import { moduleView } from './module'
import { monitoringView } from './monitoring'
import { notificationsView } from './notifications'
import { identityView, secretsView } from './secrets'
import { storageView } from './storage'
import { wafView } from './waf'

/** Files of the root module, each rendered from `infrastructure/terraform/<file>.hbs`. */
export const TERRAFORM_FILES = [
  'versions.tf',
  'providers.tf',
  'variables.tf',
  'database.tf',
  'cache.tf',
  'cache-users.tf',
  'shared-stores.tf',
  'secrets.tf',
  'monitoring.tf',
  'identity.tf',
  'storage.tf',
  'storage-dr.tf',
  'storage-replication.tf',
  'notifications.tf',
  'alarms.tf',
  'budget.tf',
  'waf.tf',
  'edge.tf',
  'audit-anchors.tf',
  'outputs.tf',
] as const

/** The data every Terraform template receives; documented for users who override a template. */
export function terraformView({ platform, vertical }: Pick<BundleContext, 'platform' | 'vertical'>) {
  return {
    module: moduleView(platform, vertical),
    // Null where the vertical is a member of a shared store: sharedStores names it instead.
    database: databaseView(platform, vertical),
    cache: cacheView(platform, vertical),
    sharedStores: memberStoresView(platform, vertical),
    secrets: secretsView(platform, vertical),
    monitoring: monitoringView(platform, vertical),
    identity: identityView(platform, vertical),
    // Null where the vertical takes no part in the erasure relay (platform/infrastructure/erasure-relay/).
    erasureRelay: erasureRelayAccessView(platform, vertical.name),
    storage: storageView(platform, vertical),
    notifications: notificationsView(platform, vertical),
    alarms: alarmsView(platform),
    budget: budgetView(platform, vertical),
    waf: wafView(platform, vertical),
    edge: edgeView(platform, vertical),
    auditAnchors: auditAnchorsView(platform, vertical),
  }
}

/**
 * The Terraform root module of one vertical. The storage files exist only when the vertical keeps
 * objects, and their replication only when there is a DR region to replicate to. database.tf and
 * cache.tf (with cache-users.tf) exist only for a store of the vertical's own; shared-stores.tf only when it is a member of a
 * shared one (created once, under platform/infrastructure/shared/<store>/).
 */
export function terraformArtifacts(context: BundleContext): Artifact[] {
  const view = terraformView(context)
  const replicated = Boolean(view.storage?.replica)
  const present: Record<string, boolean> = {
    'database.tf': view.database !== null,
    'cache.tf': view.cache !== null,
    'cache-users.tf': view.cache !== null,
    'shared-stores.tf': view.sharedStores.postgres !== null || view.sharedStores.redis !== null,
    // Its alarms are the data stores' own: a member of shared stores only has them there.
    'alarms.tf': view.database !== null || view.cache !== null,
    'storage.tf': view.storage !== null,
    'storage-dr.tf': replicated,
    'storage-replication.tf': replicated,
    'identity.tf': view.identity !== null,
    'edge.tf': view.edge !== null,
  }
  return TERRAFORM_FILES.filter((file) => present[file] ?? true).map((file) => ({
    path: `${context.vertical.name}/infrastructure/terraform/${file}`,
    kind: 'terraform',
    vertical: context.vertical.name,
    content: generatedHeader('hash') + context.text.render(`infrastructure/terraform/${file}`, view),
  }))
}
