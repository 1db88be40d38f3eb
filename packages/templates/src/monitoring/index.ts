import type { ArtifactBuilder } from '../artifact'

/** Builds the monitoring bundle of one vertical. */
export const monitoringBundle: ArtifactBuilder = () => []
