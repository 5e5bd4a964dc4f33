/** Seeded, deterministic dataset generation (pure; shared by the mock backend, benchmarks and CLI). */
export { generateDataset, datasetSizes, datasetDeviationAudit, lifecycleAudit, DEFAULT_ORG, type GenerateDatasetOptions } from './dataset.ts';
export { generateFingerprints, imageId, type GenerateFingerprintsOptions } from './fingerprints.ts';
export { deviationAuditEntries, deviationEventId } from './events.ts';
export { deviationUid } from './deviations.ts';
export { countNodes } from './process-tree.ts';
export { peerCount } from './network.ts';
export { Rng, mulberry32, hashString } from './prng.ts';
export type * from './types.ts';
