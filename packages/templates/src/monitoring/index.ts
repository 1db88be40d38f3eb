import type { ResolvedPlatform } from '@verticals/config-schema'
import { buildMonitoring, buildPlatformMonitoring } from '@verticals/observability'
import { type Artifact, type ArtifactBuilder, PLATFORM_DIR } from '../artifact'
import { toJson, toYaml } from '../serialize'

/**
 * Builds the monitoring bundle of one vertical from the builders of @verticals/observability, so
 * every rule and panel queries the metric contract the runtime emits:
 * `prometheus/*.rules.yaml` with their promtool tests beside them (rule_files are relative),
 * `prometheus/scrape.yaml` and `grafana/*.json`. Alertmanager is configured once for the platform:
 * see platformMonitoringBundle.
 */
export const monitoringBundle: ArtifactBuilder = ({ platform, vertical }) => {
  const build = buildMonitoring(platform, vertical)
  const base = `${vertical.name}/monitoring`
  const file = (path: string, kind: Artifact['kind'], content: string): Artifact => ({
    path: `${base}/${path}`,
    kind,
    vertical: vertical.name,
    content,
  })
  return [
    ...build.ruleSets.flatMap((set) => [
      file(`prometheus/${set.name}.rules.yaml`, 'prometheus-rules', toYaml([set.rules])),
      ...set.tests.map((t) => file(`prometheus/${t.name}`, 'prometheus-rule-tests', toYaml([t.file]))),
    ]),
    file('prometheus/scrape.yaml', 'prometheus-scrape-config', toYaml([build.scrape])),
    ...build.dashboards.map((d) => file(`grafana/${d.name}.json`, 'grafana-dashboard', toJson(d.dashboard))),
  ]
}

/**
 * The platform-wide monitoring files: `platform/monitoring/alertmanager/alertmanager.yaml`, the one
 * Alertmanager config of the cluster with a subtree of routes per enabled vertical.
 */
export function platformMonitoringBundle(platform: ResolvedPlatform): Artifact[] {
  const build = buildPlatformMonitoring(platform)
  return [
    {
      path: `${PLATFORM_DIR}/monitoring/alertmanager/alertmanager.yaml`,
      kind: 'alertmanager-config',
      vertical: PLATFORM_DIR,
      content: toYaml([build.alertmanager]),
    },
  ]
}
