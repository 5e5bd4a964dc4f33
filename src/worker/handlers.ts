/**
 * The engine calls, as run by the worker (and the inline fallback). Long calls
 * work in chunks and pass through `ctx.checkpoint` between them.
 */
import type { EngineEvent, EventVerdict, FingerprintDeviation, SpyderbatFingerprint } from '../engine/index.ts';
import {
  cloneVerdict,
  createPolicy,
  diffPolicy,
  EventEvaluator,
  findDeviations,
  mergeIntoPolicy,
  prepareDataset,
  previewPolicySteps,
  toYaml,
  validate,
} from '../engine/index.ts';
import { DatasetStore } from './dataset-store.ts';
import type { Handler } from './engine-service.ts';
import type { CallArgs, CallKind, CallResult } from './protocol.ts';
import type { RunContext } from './run-context.ts';

type TypedHandlers = {
  [K in CallKind]: (ctx: RunContext, ...args: CallArgs<K>) => Promise<CallResult<K>> | CallResult<K>;
};

export interface EngineHandlerOptions {
  /** Data set revisions kept in memory (default 2). */
  maxDatasets?: number;
  /** Events between two checkpoints (default 4096). */
  eventChunk?: number;
  /** Fingerprints between two checkpoints (default 16: finding deviations costs milliseconds each). */
  fingerprintChunk?: number;
}

const DEFAULT_MAX_DEVIATIONS = 1000;

export function createEngineHandlers(opts: EngineHandlerOptions = {}): Record<CallKind, Handler> {
  const store = new DatasetStore(opts.maxDatasets ?? 2);
  const eventChunk = opts.eventChunk ?? 4096;
  const fpChunk = opts.fingerprintChunk ?? 16;

  const fingerprintsOf = (source: { revision: string } | { fingerprints: unknown[] }): readonly SpyderbatFingerprint[] =>
    'revision' in source ? store.get(source.revision).fingerprints : prepareDataset({ fingerprints: source.fingerprints }).fingerprints;

  const typed: TypedHandlers = {
    loadDataset(_ctx, revision, data) {
      const prepared = prepareDataset(data);
      store.set(revision, prepared);
      return {
        revision,
        fingerprints: prepared.fingerprints.length,
        policies: prepared.policies.length,
        events: prepared.events.length,
        skipped: prepared.skipped,
      };
    },
    unloadDataset: (_ctx, revision) => store.delete(revision),
    async previewPolicy(ctx, draft, ref, previewOpts) {
      const steps = previewPolicySteps(draft, store.get(ref.revision), previewOpts);
      for (;;) {
        const r = steps.next();
        if (r.done === true) return r.value;
        await ctx.checkpoint(r.value.phase, r.value.done, r.value.total);
      }
    },
    validate: (_ctx, text, file) => validate(text, file),
    createPolicy: (_ctx, inputs, createOpts) => createPolicy(inputs, createOpts),
    mergeIntoPolicy: (_ctx, policy, others) => mergeIntoPolicy(policy, others),
    diffPolicy: (_ctx, policy, others) => diffPolicy(policy, others),
    async findDeviations(ctx, policy, source) {
      const fps = fingerprintsOf(source);
      const out: FingerprintDeviation[] = [];
      for (let a = 0; a < fps.length; a += fpChunk) {
        for (const d of findDeviations(policy, fps.slice(a, a + fpChunk))) out.push({ ...d, fingerprintIndex: d.fingerprintIndex + a });
        await ctx.checkpoint('deviations', Math.min(fps.length, a + fpChunk), fps.length);
      }
      return out;
    },
    async evaluateEvents(ctx, policies, source, evalOpts) {
      const events: readonly EngineEvent[] = 'revision' in source ? store.get(source.revision).events : source.events;
      const evaluator = new EventEvaluator(policies);
      const max = evalOpts?.maxDeviations ?? DEFAULT_MAX_DEVIATIONS;
      const deviations: EventVerdict[] = [];
      for (let a = 0; a < events.length; a += eventChunk) {
        const end = Math.min(events.length, a + eventChunk);
        for (let i = a; i < end; i++) {
          const v = evaluator.evaluate(events[i] as EngineEvent);
          if (v.deviation && deviations.length < max) deviations.push(cloneVerdict(v));
        }
        await ctx.checkpoint('events', end, events.length);
      }
      return { summary: evaluator.summary(), deviations };
    },
    toYaml: (_ctx, value) => toYaml(value),
  };

  const out = {} as Record<CallKind, Handler>;
  for (const kind of Object.keys(typed) as CallKind[]) {
    const fn = typed[kind] as (ctx: RunContext, ...args: unknown[]) => unknown;
    out[kind] = (ctx, args) => fn(ctx, ...args);
  }
  return out;
}
