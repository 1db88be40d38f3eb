import type { ArtifactBuilder } from '../artifact'

/** Builds the infrastructure bundle of one vertical. */
export const infrastructureBundle: ArtifactBuilder = () => []
