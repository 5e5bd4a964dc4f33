/**
 * The engine's public API: one import for the worker, the CLI, the benchmarks
 * and the app. Each area exports its own public surface from `<area>/index.ts`.
 */
export * from './model/types.ts';
export * from './match/index.ts';
export * from './evaluate/index.ts';
