/**
 * Where engine calls run: in a Web Worker through comlink, or inline on the
 * calling thread when no Worker is available or it fails to start.
 */
import * as Comlink from 'comlink';
import type { EngineService } from './engine-service.ts';
import type { ProgressListener } from './run-context.ts';

export type BackendKind = 'worker' | 'inline';

export interface Backend {
  readonly kind: BackendKind;
  run(id: number, kind: string, args: readonly unknown[], onProgress?: ProgressListener): Promise<unknown>;
  cancel(id: number): void;
  dispose(): void;
}

/** What the client needs of a Worker (a MessagePort plus `terminate` also fits). */
export interface WorkerLike extends Comlink.Endpoint {
  terminate(): void;
}

export function inlineBackend(service: EngineService): Backend {
  return {
    kind: 'inline',
    run: (id, kind, args, onProgress) => service.run(id, kind, args, onProgress),
    cancel: (id) => service.cancel(id),
    dispose: () => undefined,
  };
}

export interface WorkerBackendOptions {
  /** Give up on a worker that has not answered a ping after this long (ms). */
  startTimeoutMs: number;
  /** Called once when the worker fails after it started. */
  onCrash: (reason: string) => void;
}

function describeError(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (e !== null && typeof e === 'object' && 'message' in e && typeof e.message === 'string' && e.message !== '') {
    return e.message;
  }
  return 'worker error';
}

/**
 * Wrap a started worker and check it answers. Rejects (after terminating the
 * worker) when it reports an error or does not answer in time.
 */
export async function workerBackend(worker: WorkerLike, opts: WorkerBackendOptions): Promise<Backend> {
  const remote = Comlink.wrap<EngineService>(worker);
  let started = false;
  let failStart: (reason: Error) => void = () => undefined;
  const startFailed = new Promise<never>((_, reject) => {
    failStart = reject;
  });
  const onError = (ev: unknown): void => {
    const reason = describeError((ev as { error?: unknown } | null)?.error ?? ev);
    if (!started) failStart(new Error(reason));
    else opts.onCrash(reason);
  };
  worker.addEventListener('error', onError);
  worker.addEventListener('messageerror', onError);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${opts.startTimeoutMs} ms`)), opts.startTimeoutMs);
  });
  try {
    await Promise.race([remote.ping(), startFailed, timeout]);
  } catch (e) {
    worker.terminate();
    throw e;
  } finally {
    clearTimeout(timer);
  }
  started = true;
  return {
    kind: 'worker',
    run: (id, kind, args, onProgress) =>
      remote.run(id, kind, args, onProgress === undefined ? undefined : Comlink.proxy(onProgress)),
    cancel: (id) => {
      remote.cancel(id).catch(() => undefined);
    },
    dispose: () => {
      remote[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}
