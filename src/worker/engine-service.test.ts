import { describe, expect, it } from 'vitest';
import type { Handler } from './engine-service.ts';
import { createEngineService, UnknownCallError } from './engine-service.ts';
import type { Progress } from './run-context.ts';
import { CancelledError, createRunContext } from './run-context.ts';

/** A handler doing `n` chunks of work, with a checkpoint after each. */
function chunks(counter: { done: number }): Handler {
  return async (ctx, args) => {
    const n = args[0] as number;
    for (let i = 1; i <= n; i++) {
      counter.done = i;
      await ctx.checkpoint('work', i, n);
    }
    return 'finished';
  };
}

describe('engine service', () => {
  it('runs a call by kind and rejects unknown kinds', async () => {
    const counter = { done: 0 };
    const service = createEngineService({ work: chunks(counter) }, { sliceMs: 0 });
    expect(service.ping()).toBe('pong');
    expect(await service.run(1, 'work', [3])).toBe('finished');
    await expect(service.run(2, 'nope', [])).rejects.toBeInstanceOf(UnknownCallError);
    await expect(service.run(3, 'toString', [])).rejects.toBeInstanceOf(UnknownCallError);
  });

  it('stops a cancelled call at its next checkpoint', async () => {
    const counter = { done: 0 };
    const service = createEngineService({ work: chunks(counter) }, { sliceMs: 0 });
    const run = service.run(7, 'work', [1000], () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 5));
    service.cancel(7);
    const err: unknown = await run.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CancelledError);
    const stoppedAt = counter.done;
    expect(stoppedAt).toBeLessThan(1000);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(counter.done).toBe(stoppedAt);
  });

  it('ignores cancel for calls that are not running', async () => {
    const counter = { done: 0 };
    const service = createEngineService({ work: chunks(counter) }, { sliceMs: 0 });
    service.cancel(1);
    expect(await service.run(1, 'work', [2])).toBe('finished');
  });
});

describe('run context', () => {
  it('throttles progress by time but always reports the first, phase changes and the last', async () => {
    let t = 0;
    const seen: Progress[] = [];
    const ctx = createRunContext(1, () => false, (p) => seen.push(p), {
      sliceMs: 1e9,
      progressEveryMs: 10,
      now: () => t,
    });
    for (let i = 0; i <= 100; i++) {
      t = i; // 1 ms per step
      await ctx.checkpoint('a', i, 100);
    }
    await ctx.checkpoint('b', 1, 2);
    expect(seen[0]).toEqual({ phase: 'a', done: 0, total: 100 });
    expect(seen.filter((p) => p.phase === 'a').length).toBe(11);
    expect(seen.at(-2)).toEqual({ phase: 'a', done: 100, total: 100 });
    expect(seen.at(-1)).toEqual({ phase: 'b', done: 1, total: 2 });
  });

  it('yields once per time slice', async () => {
    let t = 0;
    let yields = 0;
    const ctx = createRunContext(1, () => false, undefined, {
      sliceMs: 5,
      progressEveryMs: 0,
      now: () => t,
      yieldNow: () => {
        yields++;
        return Promise.resolve();
      },
    });
    for (let i = 0; i < 20; i++) {
      t += 1;
      await ctx.checkpoint('a', i, 20);
    }
    expect(yields).toBe(4);
  });
});
