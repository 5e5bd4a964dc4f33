/**
 * The engine calls the worker serves, by kind: arguments and results as they
 * cross the worker boundary (plain, structured-clone friendly data).
 */
import type {
  EngineDiagnostic,
  EngineEvent,
  EngineInput,
  EvaluateOptions,
  EvaluationSummary,
  EventVerdict,
  FingerprintDeviation,
  PolicyMode,
  PreviewDatasetInput,
  PreviewOptions,
  PreviewResult,
  SpyderbatPolicy,
  WorkloadPolicy,
  createPolicy,
  diffPolicy,
  mergeIntoPolicy,
} from '../engine/index.ts';

/** A data set loaded once per revision; later calls name the revision. */
export type DatasetInput = PreviewDatasetInput;

export interface DatasetInfo {
  revision: string;
  fingerprints: number;
  policies: number;
  events: number;
  /** Inputs that were not fingerprints. */
  skipped: number;
}

export interface DatasetRef {
  revision: string;
}

export interface CreatePolicyCallOptions {
  name: string;
  mode?: PolicyMode;
  keepImageId?: boolean;
}

export interface EvaluateCallResult {
  summary: EvaluationSummary;
  deviations: EventVerdict[];
}

/** Every call kind: `(args) => result`. */
export interface EngineCalls {
  loadDataset(revision: string, data: DatasetInput): DatasetInfo;
  unloadDataset(revision: string): boolean;
  previewPolicy(draft: string, ref: DatasetRef, opts?: PreviewOptions): PreviewResult;
  validate(text: string, file?: string): EngineDiagnostic[];
  createPolicy(inputs: EngineInput[], opts: CreatePolicyCallOptions): ReturnType<typeof createPolicy>;
  mergeIntoPolicy(policy: WorkloadPolicy, others: EngineInput[]): ReturnType<typeof mergeIntoPolicy>;
  diffPolicy(policy: WorkloadPolicy, others: EngineInput[]): ReturnType<typeof diffPolicy>;
  findDeviations(policy: WorkloadPolicy, source: DatasetRef | { fingerprints: unknown[] }): FingerprintDeviation[];
  evaluateEvents(policies: SpyderbatPolicy[], source: DatasetRef | { events: EngineEvent[] }, opts?: EvaluateOptions): EvaluateCallResult;
  toYaml(value: unknown): string;
}

export type CallKind = keyof EngineCalls;
export type CallArgs<K extends CallKind> = Parameters<EngineCalls[K]>;
export type CallResult<K extends CallKind> = ReturnType<EngineCalls[K]>;
