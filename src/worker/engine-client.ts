/**
 * The app's handle on the engine: the same calls as promises, run in a Web
 * Worker when possible and inline (chunked, yielding between chunks) when not.
 *
 * - Supersession: every call has a key (by default one per call kind, and
 *   one per revision for `loadDataset`); a newer call with the same key makes
 *   the older one reject with `SupersededError` (name `AbortError`) and stops
 *   its work at the next checkpoint. Pass `key` to run calls side by side
 *   (e.g. one per editor), or `key: null` to opt out.
 * - Progress: `onProgress` receives `{phase, done, total}` for long calls.
 * - Data sets: `loadDataset(revision, data)` once, then name the revision;
 *   only drafts cross the boundary afterwards.
 * - Fallback: no `Worker`, a worker that fails to start or answer, or a crash
 *   later on: calls run inline (in-flight calls of a crashed worker reject with
 *   `EngineCrashedError`; loaded data sets are reloaded inline). The inline
 *   engine is imported on demand, so it is not in the main bundle.
 */
import type { Backend, BackendKind, WorkerLike } from './backend.ts';
import { inlineBackend, workerBackend } from './backend.ts';
import type { CallOptions } from './call-dispatcher.ts';
import { CallDispatcher } from './call-dispatcher.ts';
import { createEngineService } from './engine-service.ts';
import { EngineCrashedError } from './errors.ts';
import type { CallArgs, CallKind, CallResult, CreatePolicyCallOptions, DatasetInput, DatasetRef } from './protocol.ts';
import type { EngineEvent, EngineInput, EvaluateOptions, PreviewOptions, SpyderbatPolicy, WorkloadPolicy } from '../engine/index.ts';

export interface EngineClientOptions {
  /** Start the worker (default: the bundled engine worker when `Worker` exists). Return null for inline. */
  createWorker?: () => WorkerLike | null;
  /** Always run inline. */
  inline?: boolean;
  /** A worker that has not answered a ping after this long is replaced by the inline engine (default 10 s). */
  startTimeoutMs?: number;
  /** Inline engine: work time between yields to the event loop (default 12 ms). */
  inlineSliceMs?: number;
  /** Data set revisions kept loaded (default 2). */
  maxDatasets?: number;
}

type Promised<K extends CallKind> = Promise<CallResult<K>>;

export interface EngineClient {
  /** Where calls run, once known. */
  readonly ready: Promise<BackendKind>;
  loadDataset(revision: string, data: DatasetInput, opts?: CallOptions): Promised<'loadDataset'>;
  unloadDataset(revision: string, opts?: CallOptions): Promised<'unloadDataset'>;
  previewPolicy(draft: string, opts: DatasetRef & CallOptions & { preview?: PreviewOptions }): Promised<'previewPolicy'>;
  validate(text: string, file?: string, opts?: CallOptions): Promised<'validate'>;
  createPolicy(inputs: EngineInput[], opts: CreatePolicyCallOptions & CallOptions): Promised<'createPolicy'>;
  mergeIntoPolicy(policy: WorkloadPolicy, others: EngineInput[], opts?: CallOptions): Promised<'mergeIntoPolicy'>;
  diffPolicy(policy: WorkloadPolicy, others: EngineInput[], opts?: CallOptions): Promised<'diffPolicy'>;
  findDeviations(policy: WorkloadPolicy, source: DatasetRef | { fingerprints: unknown[] }, opts?: CallOptions): Promised<'findDeviations'>;
  evaluateEvents(
    policies: SpyderbatPolicy[],
    source: DatasetRef | { events: EngineEvent[] },
    opts?: CallOptions & EvaluateOptions,
  ): Promised<'evaluateEvents'>;
  toYaml(value: unknown, opts?: CallOptions): Promised<'toYaml'>;
  /** Stop the worker; pending calls reject. */
  dispose(): void;
}

function defaultWorker(): WorkerLike | null {
  if (typeof Worker === 'undefined') return null;
  return new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'palisade-engine' });
}

function callOptions(o: CallOptions | undefined): CallOptions {
  if (o === undefined) return {};
  const { key, onProgress, signal } = o;
  return { ...(key !== undefined ? { key } : {}), ...(onProgress ? { onProgress } : {}), ...(signal ? { signal } : {}) };
}

export function createEngineClient(opts: EngineClientOptions = {}): EngineClient {
  const maxDatasets = opts.maxDatasets ?? 2;
  /** Data sets loaded, kept to reload them inline if the worker dies. */
  const datasets = new Map<string, DatasetInput>();
  let disposed = false;

  const makeInline = async (replay: boolean): Promise<Backend> => {
    // Loaded on demand: the engine stays out of the main bundle while the worker serves.
    const { createEngineHandlers } = await import('./handlers.ts');
    const service = createEngineService(createEngineHandlers({ maxDatasets }), { sliceMs: opts.inlineSliceMs ?? 12 });
    if (replay) for (const [rev, data] of datasets) await service.run(0, 'loadDataset', [rev, data]);
    return inlineBackend(service);
  };

  let current: Promise<Backend>;
  const onCrash = (reason: string): void => {
    const dead = current;
    current = makeInline(true);
    dispatcher.failAll(new EngineCrashedError(reason));
    void dead.then((b) => b.dispose());
  };
  const start = (): Promise<Backend> => {
    if (opts.inline === true) return makeInline(false);
    let worker: WorkerLike | null;
    try {
      worker = (opts.createWorker ?? defaultWorker)();
    } catch {
      worker = null;
    }
    if (worker === null) return makeInline(false);
    return workerBackend(worker, { startTimeoutMs: opts.startTimeoutMs ?? 10_000, onCrash }).catch(() => makeInline(false));
  };
  current = start();
  const dispatcher = new CallDispatcher(() => current);

  const call = <K extends CallKind>(kind: K, args: CallArgs<K>, key: string | null, o?: CallOptions): Promised<K> => {
    if (disposed) return Promise.reject(new Error('engine client disposed'));
    return dispatcher.call(kind, args, key, callOptions(o)) as Promised<K>;
  };

  const remember = (revision: string, data: DatasetInput): void => {
    datasets.delete(revision);
    datasets.set(revision, data);
    while (datasets.size > maxDatasets) {
      const oldest = datasets.keys().next().value;
      if (oldest === undefined) break;
      datasets.delete(oldest);
    }
  };

  const client: EngineClient = {
    ready: current.then((b) => b.kind),
    async loadDataset(revision, data, o) {
      const info = await call('loadDataset', [revision, data], `loadDataset:${revision}`, o);
      remember(revision, data);
      return info;
    },
    unloadDataset(revision, o) {
      datasets.delete(revision);
      return call('unloadDataset', [revision], `unloadDataset:${revision}`, o);
    },
    previewPolicy: (draft, o) =>
      call('previewPolicy', o.preview === undefined ? [draft, { revision: o.revision }] : [draft, { revision: o.revision }, o.preview], 'previewPolicy', o),
    validate: (text, file, o) => call('validate', file === undefined ? [text] : [text, file], 'validate', o),
    createPolicy: (inputs, o) => {
      const { name, mode, keepImageId } = o;
      return call('createPolicy', [inputs, { name, ...(mode ? { mode } : {}), ...(keepImageId !== undefined ? { keepImageId } : {}) }], 'createPolicy', o);
    },
    mergeIntoPolicy: (policy, others, o) => call('mergeIntoPolicy', [policy, others], 'mergeIntoPolicy', o),
    diffPolicy: (policy, others, o) => call('diffPolicy', [policy, others], 'diffPolicy', o),
    findDeviations: (policy, source, o) => call('findDeviations', [policy, source], 'findDeviations', o),
    evaluateEvents: (policies, source, o) => {
      const evalOpts: EvaluateOptions = o?.maxDeviations !== undefined ? { maxDeviations: o.maxDeviations } : {};
      return call('evaluateEvents', [policies, source, evalOpts], 'evaluateEvents', o);
    },
    toYaml: (value, o) => call('toYaml', [value], 'toYaml', o),
    dispose() {
      if (disposed) return;
      disposed = true;
      dispatcher.failAll(new Error('engine client disposed'));
      void current.then((b) => b.dispose());
    },
  };
  return client;
}
