import type { Artifact, BundleContext } from '../../artifact'
import { generatedHeader } from '../../header'
import { alarmsView } from './alarms'
import { auditAnchorsView } from './audit-anchors'
import { budgetView } from './budget'
import { cacheView } from './cache'
import { databaseView } from './database'
import { edgeView } from './edge'
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
    database: databaseView(platform, vertical),
    cache: cacheView(platform, vertical),
    secrets: secretsView(platform, vertical),
    monitoring: monitoringView(platform, vertical),
    identity: identityView(platform, vertical),
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
 * objects, and their replication only when there is a DR region to replicate to.
 */
export function terraformArtifacts(context: BundleContext): Artifact[] {
  const view = terraformView(context)
  const replicated = Boolean(view.storage?.replica)
  const present: Record<string, boolean> = {
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
