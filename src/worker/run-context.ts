/**
 * Cooperative scheduling for long engine calls: a call runs in slices and, at
 * each checkpoint, reports progress, yields to the event loop once its time
 * slice is used up (so a worker can receive a cancel message and the main
 * thread can paint), and stops with {@link CancelledError} once cancelled.
 */

/** Progress of a long call: `done` of `total` units in `phase`. */
export interface Progress {
  phase: string;
  done: number;
  total: number;
}

export type ProgressListener = (p: Progress) => void;

/** Thrown inside a call that was cancelled (superseded or aborted). */
export class CancelledError extends Error {
  override readonly name = 'CancelledError';
  constructor(readonly callId: number) {
    super(`call ${callId} was cancelled`);
  }
}

export interface RunContext {
  readonly id: number;
  /** Between chunks of work: may report progress, yield, or throw {@link CancelledError}. */
  checkpoint(phase: string, done: number, total: number): Promise<void>;
  /** Throws {@link CancelledError} when the call was cancelled (no yield). */
  throwIfCancelled(): void;
}

export interface RunContextOptions {
  /** Work time between two yields to the event loop, in ms. */
  sliceMs: number;
  /** Minimum time between two progress reports, in ms (the first and last are always sent). */
  progressEveryMs: number;
  now?: () => number;
  yieldNow?: () => Promise<void>;
}

export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

const defaultNow = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export function createRunContext(
  id: number,
  isCancelled: (id: number) => boolean,
  onProgress: ProgressListener | undefined,
  opts: RunContextOptions,
): RunContext {
  const now = opts.now ?? defaultNow;
  const yieldNow = opts.yieldNow ?? yieldToEventLoop;
  let sliceStart = now();
  let lastReport = -Infinity;
  let lastPhase = '';
  const throwIfCancelled = (): void => {
    if (isCancelled(id)) throw new CancelledError(id);
  };
  return {
    id,
    throwIfCancelled,
    async checkpoint(phase, done, total) {
      throwIfCancelled();
      const t = now();
      if (onProgress !== undefined) {
        const edge = phase !== lastPhase || done === 0 || done >= total;
        if (edge || t - lastReport >= opts.progressEveryMs) {
          lastReport = t;
          lastPhase = phase;
          onProgress({ phase, done, total });
        }
      }
      if (t - sliceStart >= opts.sliceMs) {
        await yieldNow();
        sliceStart = now();
        throwIfCancelled();
      }
    },
  };
}
