import type { ArtifactBuilder } from '../artifact'

/** Builds the compliance bundle of one vertical. */
export const complianceBundle: ArtifactBuilder = () => []
