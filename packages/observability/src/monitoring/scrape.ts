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
 * Prometheus `scrape_configs` for one vertical: a job per workload (its pods' metrics port, at the
 * workload's scrape interval) and one per exporter (the generated exporter's pods, on its port).
 */
export function scrapeConfig(platform: ResolvedPlatform, vertical: Vertical): { scrape_configs: unknown[] } {
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
  return { scrape_configs: [...workloads, ...exporterJobs] }
}
