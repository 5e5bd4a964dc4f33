/** The app's entry to the engine worker: the promise client and what its calls reject with. */
export { createEngineClient } from './engine-client.ts';
export type { EngineClient, EngineClientOptions } from './engine-client.ts';
export type { CallOptions } from './call-dispatcher.ts';
export type { BackendKind, WorkerLike } from './backend.ts';
export type { Progress, ProgressListener } from './run-context.ts';
export type { CallKind, CallResult, CreatePolicyCallOptions, DatasetInfo, DatasetInput, DatasetRef, EvaluateCallResult } from './protocol.ts';
export { CallAbortedError, EngineCrashedError, isAbortError, SupersededError } from './errors.ts';
export { UnknownRevisionError } from './dataset-store.ts';
