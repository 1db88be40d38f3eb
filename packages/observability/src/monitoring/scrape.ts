import type { ResolvedPlatform } from '@verticals/config-schema'
import { METRICS_PATH } from '../metrics-handler'
import type { Vertical } from '../vertical'
import { EXPORTER_STORES, exporterName } from './exporters'
import { jobName, promDuration, sorted } from './promql'

// Kubernetes pod metadata -> the labels our rules and the infrastructure bundle's autoscaler select on.
function podLabels() {
  return [
    { source_labels: ['__meta_kubernetes_namespace'], target_label: 'namespace' },
    { source_labels: ['__meta_kubernetes_pod_name'], target_label: 'pod' },
    { source_labels: ['__meta_kubernetes_pod_label_app_kubernetes_io_name'], target_label: 'workload' },
  ]
}

function podJob(name: string, namespace: string, interval: number, keep: Record<string, string>) {
  return {
    job_name: name,
    scrape_interval: promDuration(interval),
    metrics_path: METRICS_PATH,
    kubernetes_sd_configs: [{ role: 'pod', namespaces: { names: [namespace] } }],
    relabel_configs: [
      ...Object.entries(keep).map(([label, regex]) => ({ source_labels: [label], regex, action: 'keep' })),
      ...podLabels(),
    ],
  }
}

/**
 * The `region` and `cluster` labels Prometheus adds to everything it sends out (alerts, remote write):
 * the primary region, and `monitoring.cluster` (default `<metadata.name>-<primary region>`), so a page
 * says where it comes from once a DR region runs its own Prometheus.
 */
export function externalLabels(platform: ResolvedPlatform): { region: string; cluster: string } {
  const region = platform.primaryRegion.name
  return { region, cluster: platform.monitoring.cluster ?? `${platform.metadata.name}-${region}` }
}

/**
 * Prometheus `scrape_configs` for one vertical, with the external labels: a job per workload (its pods' metrics port, at the
 * workload's scrape interval) and one per exporter (the generated exporter's pods, on its port).
 */
export function scrapeConfig(
  platform: ResolvedPlatform,
  vertical: Vertical,
): { global: { external_labels: Record<string, string> }; scrape_configs: unknown[] } {
  const { exporters, scrapeInterval } = platform.monitoring
  const workloads = sorted(Object.values(vertical.workloads), (w) => w.name).map((w) =>
    podJob(jobName(platform, vertical, w.name), vertical.namespace, w.scrapeInterval, {
      __meta_kubernetes_pod_label_app_kubernetes_io_name: w.name,
      __meta_kubernetes_pod_container_port_number: String(w.port),
    }),
  )
  // Exactly the generated exporter's pods: its name label and its port.
  const exporterJobs = EXPORTER_STORES.map((store) =>
    podJob(jobName(platform, vertical, exporterName(store)), vertical.namespace, scrapeInterval, {
      __meta_kubernetes_pod_label_app_kubernetes_io_name: exporterName(store),
      __meta_kubernetes_pod_container_port_number: String(exporters[store].port),
    }),
  )
  return {
    global: { external_labels: externalLabels(platform) },
    scrape_configs: [...workloads, ...exporterJobs],
  }
}
