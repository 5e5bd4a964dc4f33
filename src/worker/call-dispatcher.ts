/**
 * Client-side bookkeeping of engine calls: ids, supersession by key, abort
 * signals and progress forwarding. A call with a key replaces any unsettled
 * call with the same key: the older one rejects with {@link SupersededError}
 * at once and the backend is asked to stop it.
 */
import type { Backend } from './backend.ts';
import { CallAbortedError, SupersededError } from './errors.ts';
import type { ProgressListener } from './run-context.ts';

export interface CallOptions {
  /**
   * Supersession key (default: one per call kind, see the client). A newer call
   * with the same key supersedes this one; `null` never supersedes.
   */
  key?: string | null;
  /** Progress of long calls (throttled; first and last always reported). */
  onProgress?: ProgressListener;
  /** Aborting rejects the call with an `AbortError` and stops the work. */
  signal?: AbortSignal;
}

interface Pending {
  readonly id: number;
  readonly kind: string;
  readonly key: string | null;
  settled: boolean;
  backend: Backend | null;
  fail(error: Error): void;
}

export class CallDispatcher {
  private seq = 0;
  private readonly byKey = new Map<string, Pending>();
  private readonly inflight = new Set<Pending>();

  constructor(private readonly backend: () => Promise<Backend>) {}

  /** Number of unsettled calls (for tests and diagnostics). */
  get pending(): number {
    return this.inflight.size;
  }

  call(kind: string, args: readonly unknown[], defaultKey: string | null, opts: CallOptions = {}): Promise<unknown> {
    const id = ++this.seq;
    const key = opts.key === undefined ? defaultKey : opts.key;
    return new Promise<unknown>((resolve, reject) => {
      const signal = opts.signal;
      const onAbort = (): void => this.stop(p, new CallAbortedError(kind), true);
      const finish = (): boolean => {
        if (p.settled) return false;
        p.settled = true;
        this.inflight.delete(p);
        if (key !== null && this.byKey.get(key) === p) this.byKey.delete(key);
        signal?.removeEventListener('abort', onAbort);
        return true;
      };
      const p: Pending = {
        id,
        kind,
        key,
        settled: false,
        backend: null,
        fail: (error) => {
          if (finish()) reject(error);
        },
      };
      if (signal?.aborted === true) {
        reject(new CallAbortedError(kind));
        return;
      }
      if (key !== null) {
        const prev = this.byKey.get(key);
        if (prev !== undefined) this.stop(prev, new SupersededError(key), true);
        this.byKey.set(key, p);
      }
      this.inflight.add(p);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.start(p, args, opts.onProgress).then(
        (value) => {
          if (finish()) resolve(value);
        },
        (error: unknown) => p.fail(error instanceof Error ? error : new Error(String(error))),
      );
    });
  }

  /** Reject every unsettled call (the backend died); no cancel is sent. */
  failAll(error: Error): void {
    for (const p of [...this.inflight]) this.stop(p, error, false);
  }

  private async start(p: Pending, args: readonly unknown[], onProgress: ProgressListener | undefined): Promise<unknown> {
    const backend = await this.backend();
    if (p.settled) return undefined; // superseded or aborted before it started
    p.backend = backend;
    const progress = onProgress === undefined ? undefined : (x: Parameters<ProgressListener>[0]): void => {
      if (!p.settled) onProgress(x);
    };
    return backend.run(p.id, p.kind, args, progress);
  }

  private stop(p: Pending, error: Error, cancel: boolean): void {
    if (p.settled) return;
    p.fail(error);
    if (cancel && p.backend !== null) p.backend.cancel(p.id);
  }
}
