/**
 * The engine's public API: one import for the worker, the CLI, the benchmarks
 * and the app. Each area exports its public surface from `<area>/index.ts`;
 * names two areas both export are settled explicitly at the end.
 */
export * from './model/index.ts';
export * from './yaml/index.ts';
export * from './validate/index.ts';
export * from './match/index.ts';
export * from './spyderbat/index.ts';
export * from './evaluate/index.ts';
export * from './generate/index.ts';
export * from './preview/index.ts';

// Names exported by two areas.
/** The default response of a new policy (model and spyderbat export the same value). */
export { DEFAULT_RESPONSE } from './model/index.ts';
/** A response action fired for an event; the fingerprint flavour is `DeviationAction`. */
export type { FiredAction } from './evaluate/index.ts';
/** The data generator's seeded PRNG; the event generator's function flavour is `EventRng`. */
export { mulberry32, Rng } from './generate/index.ts';
export type { Rng as EventRng } from './evaluate/index.ts';
export { mulberry32 as eventMulberry32 } from './evaluate/index.ts';
