/**
 * The object the engine worker exposes (and the inline fallback uses
 * directly): `run` executes one call by kind, `cancel` stops a running call
 * at its next checkpoint. Calls are cooperative (see run-context.ts), so a
 * cancel message is seen between two slices of work.
 */
import type { ProgressListener, RunContext } from './run-context.ts';
import { createRunContext } from './run-context.ts';

/** One call kind: receives the run context and the call's arguments. */
export type Handler = (ctx: RunContext, args: readonly unknown[]) => unknown;

export interface EngineServiceOptions {
  /** Work time between yields, in ms (default 50; the inline fallback uses less). */
  sliceMs?: number;
  /** Minimum time between progress reports, in ms (default 100). */
  progressEveryMs?: number;
}

export interface EngineService {
  ping(): 'pong';
  run(id: number, kind: string, args: readonly unknown[], onProgress?: ProgressListener): Promise<unknown>;
  cancel(id: number): void;
}

export class UnknownCallError extends Error {
  override readonly name = 'UnknownCallError';
  constructor(kind: string) {
    super(`unknown engine call '${kind}'`);
  }
}

export function createEngineService(handlers: Readonly<Record<string, Handler>>, opts: EngineServiceOptions = {}): EngineService {
  const running = new Set<number>();
  const cancelled = new Set<number>();
  const ctxOpts = { sliceMs: opts.sliceMs ?? 50, progressEveryMs: opts.progressEveryMs ?? 100 };
  const isCancelled = (id: number): boolean => cancelled.has(id);
  return {
    ping: () => 'pong',
    async run(id, kind, args, onProgress) {
      const handler = Object.hasOwn(handlers, kind) ? handlers[kind] : undefined;
      if (handler === undefined) throw new UnknownCallError(kind);
      running.add(id);
      try {
        const ctx = createRunContext(id, isCancelled, onProgress, ctxOpts);
        return await handler(ctx, args);
      } finally {
        running.delete(id);
        cancelled.delete(id);
      }
    },
    cancel(id) {
      // Only running calls can be cancelled; a finished call's id is forgotten.
      if (running.has(id)) cancelled.add(id);
    },
  };
}
