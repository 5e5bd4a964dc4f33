/**
 * Which policies cover which fingerprints, for whole lists (50,000 fingerprints ×
 * thousands of policies takes seconds): identities are derived on the main thread in
 * slices, the matching runs in a dedicated Web Worker, or inline in slices that yield
 * to the event loop when workers are unavailable. Uses the engine's `coverage`
 * (selector scope, as `scopeOf`) over `identityOfFingerprint`.
 *
 * The answer is flat (two Int32Arrays), so it crosses from the worker without copying.
 */
import { coverage } from '../../engine/impact/coverage.ts';
import { identityOfFingerprint } from '../../engine/evaluate/scope.ts';
import { SELECTOR_KEYS, type SpyderbatFingerprint, type SpyderbatPolicy, type WorkloadIdentity } from '../../engine/model/types.ts';

/** Indices of covering policies, ascending (an Int32Array view, or a plain array in tests). */
export type PolicyHits = ArrayLike<number> & Iterable<number>;

export interface FlatCoverage {
  /** Fingerprint i is covered by `hits[offsets[i] .. offsets[i + 1])`. */
  offsets: Int32Array;
  hits: Int32Array;
}

export interface FingerprintCoverage extends FlatCoverage {
  /** Per policy: how many fingerprints it covers. */
  perPolicy: Int32Array;
  where: 'worker' | 'inline';
  ms: number;
}

/** Sent in parts so no single structured clone blocks the main thread for long. */
export type CoverageMessage = { kind: 'policies'; policies: SpyderbatPolicy[] } | { kind: 'identities'; identities: WorkloadIdentity[] } | { kind: 'run' };

export interface CoverageRequest {
  policies: SpyderbatPolicy[];
  identities: WorkloadIdentity[];
}

export type CoverageReply = ({ ok: true } & FlatCoverage) | { ok: false; message: string };

const NONE = new Int32Array(0);

/** The policies covering fingerprint `i`. */
export function hitsOf(c: FlatCoverage, i: number): Int32Array {
  const from = c.offsets[i];
  const to = c.offsets[i + 1];
  return from === undefined || to === undefined ? NONE : c.hits.subarray(from, to);
}

/** Flattens per-workload hit lists. */
export function flatten(perWorkload: readonly (readonly number[])[]): FlatCoverage {
  const offsets = new Int32Array(perWorkload.length + 1);
  let n = 0;
  perWorkload.forEach((h, i) => {
    offsets[i] = n;
    n += h.length;
  });
  offsets[perWorkload.length] = n;
  const hits = new Int32Array(n);
  perWorkload.forEach((h, i) => hits.set(h, offsets[i]));
  return { offsets, hits };
}

function abortError(): Error {
  const e = new Error('coverage computation aborted');
  e.name = 'AbortError';
  return e;
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** The parts of a policy its scope depends on (type and selectors), small enough to post to a worker. */
export function slimPolicy(p: SpyderbatPolicy): SpyderbatPolicy {
  const spec = p.spec as unknown as Record<string, unknown>;
  const slim: Record<string, unknown> = {};
  for (const k of SELECTOR_KEYS) if (spec[k] !== undefined) slim[k] = spec[k];
  return { apiVersion: p.apiVersion, kind: p.kind, metadata: { name: p.metadata.name, type: p.metadata.type }, spec: slim } as unknown as SpyderbatPolicy;
}

/** Main-thread work between two yields to the event loop. */
const SLICE_MS = 8;

export async function identitiesOf(fps: readonly SpyderbatFingerprint[], signal?: AbortSignal): Promise<WorkloadIdentity[]> {
  const out: WorkloadIdentity[] = new Array<WorkloadIdentity>(fps.length);
  let i = 0;
  while (i < fps.length) {
    if (signal?.aborted) throw abortError();
    const until = performance.now() + SLICE_MS;
    do {
      const end = Math.min(fps.length, i + 128);
      for (; i < end; i++) out[i] = identityOfFingerprint(fps[i] as SpyderbatFingerprint);
    } while (i < fps.length && performance.now() < until);
    if (i < fps.length) await yieldToEventLoop();
  }
  return out;
}

/** Inline, in slices of `chunk` workloads with a yield between slices. */
export async function coverageInline(policies: readonly SpyderbatPolicy[], identities: readonly WorkloadIdentity[], signal?: AbortSignal, chunk = 500): Promise<number[][]> {
  const out: number[][] = [];
  for (let start = 0; start < identities.length; start += chunk) {
    if (signal?.aborted) throw abortError();
    out.push(...coverage(policies, identities.slice(start, start + chunk)).perWorkload);
    if (start + chunk < identities.length) await yieldToEventLoop();
  }
  return out;
}

/** Identities per message to the worker (each clone stays short). */
const POST_CHUNK = 2500;

/** In a dedicated worker; null when workers are unavailable. Rejects if the worker fails. */
export function coverageInWorker(req: CoverageRequest, signal?: AbortSignal): Promise<FlatCoverage> | null {
  if (typeof Worker === 'undefined') return null;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./coverage.worker.ts', import.meta.url), { type: 'module', name: 'palisade-coverage' });
  } catch {
    return null;
  }
  return new Promise<FlatCoverage>((resolve, reject) => {
    const done = (): void => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = (): void => {
      done();
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort);
    worker.onmessage = (e: MessageEvent<CoverageReply>) => {
      done();
      if (e.data.ok) resolve({ offsets: e.data.offsets, hits: e.data.hits });
      else reject(new Error(e.data.message));
    };
    worker.onerror = (e) => {
      e.preventDefault();
      done();
      reject(new Error(e.message || 'coverage worker failed'));
    };
    const post = (m: CoverageMessage): void => worker.postMessage(m);
    void (async () => {
      post({ kind: 'policies', policies: req.policies });
      for (let i = 0; i < req.identities.length; i += POST_CHUNK) {
        if (signal?.aborted) return;
        post({ kind: 'identities', identities: req.identities.slice(i, i + POST_CHUNK) });
        await yieldToEventLoop();
      }
      post({ kind: 'run' });
    })();
  });
}

export async function computeCoverage(
  fps: readonly SpyderbatFingerprint[],
  policies: readonly SpyderbatPolicy[],
  opts: { signal?: AbortSignal; useWorker?: boolean } = {},
): Promise<FingerprintCoverage> {
  const t0 = performance.now();
  const identities = await identitiesOf(fps, opts.signal);
  let flat: FlatCoverage | null = null;
  let where: FingerprintCoverage['where'] = 'inline';
  if (opts.useWorker !== false && fps.length > 0 && policies.length > 0) {
    const running = coverageInWorker({ policies: policies.map(slimPolicy), identities }, opts.signal);
    if (running) {
      try {
        flat = await running;
        where = 'worker';
      } catch (e) {
        if (e instanceof Error && e.name === 'AbortError') throw e;
        flat = null; // fall back to the inline computation
      }
    }
  }
  flat ??= flatten(await coverageInline(policies, identities, opts.signal));
  const perPolicy = new Int32Array(policies.length);
  for (const h of flat.hits) perPolicy[h] = (perPolicy[h] ?? 0) + 1;
  const ms = Math.round(performance.now() - t0);
  performance.mark('palisade:coverage', { detail: { ms, where, fingerprints: fps.length, policies: policies.length } });
  return { ...flat, perPolicy, where, ms };
}
