import * as Comlink from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineEvent, SpyderbatFingerprint } from '../engine/index.ts';
import { createPolicy, generateEvents, generateFingerprints, generatePolicies } from '../engine/index.ts';
import type { WorkerLike } from './backend.ts';
import type { EngineClient } from './engine-client.ts';
import { createEngineClient } from './engine-client.ts';
import { createEngineService } from './engine-service.ts';
import { EngineCrashedError, isAbortError, SupersededError } from './errors.ts';
import { createEngineHandlers } from './handlers.ts';
import type { Progress } from './run-context.ts';

const fingerprints: SpyderbatFingerprint[] = generateFingerprints({ seed: 5, now: 1_700_000_000, count: 40, processes: [5, 10], peers: [5, 20] });
const draft = (name: string): string =>
  [
    'apiVersion: spyderbat/v1',
    'kind: SpyderbatPolicy',
    'metadata:',
    `  name: ${name}`,
    '  type: container',
    'spec:',
    '  containerSelector:',
    `    image: '${fingerprints[0]?.spec.containerSelector?.image ?? ''}'`,
    '  mode: audit',
    '  processPolicy: []',
    '  networkPolicy:',
    '    ingress: []',
    '    egress: []',
    '  response:',
    '    default:',
    '    - makeRedFlag:',
    '        severity: high',
    '    actions: []',
    '',
  ].join('\n');

const fleet = generatePolicies(20, 3);
const events: EngineEvent[] = [...generateEvents(fleet, 20_000, { seed: 3, deviationRate: 0.05 })];

const clients: EngineClient[] = [];
function track(c: EngineClient): EngineClient {
  clients.push(c);
  return c;
}
afterEach(() => {
  for (const c of clients.splice(0)) c.dispose();
});

/** A "worker" in the same thread: the engine service exposed over a MessageChannel through comlink. */
function channelWorker(): WorkerLike & { crash(message: string): void; terminated: boolean } {
  const { port1, port2 } = new MessageChannel();
  Comlink.expose(createEngineService(createEngineHandlers(), { sliceMs: 5 }), port1);
  const errorListeners: ((ev: unknown) => void)[] = [];
  const w = {
    terminated: false,
    postMessage: (msg: unknown, transfer?: Transferable[]) => port2.postMessage(msg, transfer ?? []),
    addEventListener: (type: string, l: EventListenerOrEventListenerObject) => {
      if (type === 'error') errorListeners.push(l as (ev: unknown) => void);
      else if (type === 'message') port2.addEventListener('message', l);
    },
    removeEventListener: (type: string, l: EventListenerOrEventListenerObject) => {
      if (type === 'message') port2.removeEventListener('message', l);
    },
    start: () => port2.start(),
    terminate: () => {
      w.terminated = true;
      port1.close();
      port2.close();
    },
    crash: (message: string) => {
      for (const l of errorListeners) l({ message });
    },
  };
  return w;
}

describe('engine client, main-thread fallback (Node has no Worker)', () => {
  it('runs inline and answers engine calls', async () => {
    const client = track(createEngineClient());
    expect(await client.ready).toBe('inline');
    const diags = await client.validate('kind: [oops\n', 'draft.yaml');
    expect(diags[0]).toMatchObject({ file: 'draft.yaml', severity: 'error' });
    const { policy } = await client.createPolicy(fingerprints.slice(0, 3), { name: 'web' });
    expect(policy.metadata.name).toBe('web');
    expect(await client.toYaml({ a: 1 })).toBe('a: 1\n');
  });

  it('loads a data set once and previews drafts against it by revision', async () => {
    const client = track(createEngineClient());
    const info = await client.loadDataset('r1', { fingerprints });
    expect(info).toMatchObject({ revision: 'r1', fingerprints: 40, skipped: 0 });
    const r = await client.previewPolicy(draft('p'), { revision: 'r1' });
    expect(r.errorCount).toBe(0);
    expect(r.scope?.count).toBe(40);
    // An empty process tree: every fingerprint in scope deviates.
    expect(r.deviations?.fingerprints).toBe(40);
  });

  it('supersedes an older call with the same key; the newer one completes', async () => {
    const client = track(createEngineClient());
    await client.loadDataset('r1', { fingerprints });
    const first = client.previewPolicy(draft('old'), { revision: 'r1' });
    const second = client.previewPolicy(draft('new'), { revision: 'r1' });
    const err: unknown = await first.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SupersededError);
    expect(isAbortError(err)).toBe(true);
    expect((await second).policy?.name).toBe('new');
  });

  it('runs calls with different keys side by side, and never supersedes key: null', async () => {
    const client = track(createEngineClient());
    await client.loadDataset('r1', { fingerprints });
    const a = client.previewPolicy(draft('a'), { revision: 'r1', key: 'editor-a' });
    const b = client.previewPolicy(draft('b'), { revision: 'r1', key: 'editor-b' });
    const c = client.validate('a: 1\n', undefined, { key: null });
    const d = client.validate('b: 2\n', undefined, { key: null });
    const [ra, rb] = await Promise.all([a, b, c, d]);
    expect([ra.policy?.name, rb.policy?.name]).toEqual(['a', 'b']);
  });

  it('stops superseded work at its next checkpoint', async () => {
    const client = track(createEngineClient({ inlineSliceMs: 0 }));
    await client.loadDataset('ev', { fingerprints: [], events });
    const seenOld: Progress[] = [];
    const old = client.evaluateEvents(fleet.policies, { revision: 'ev' }, { onProgress: (p) => seenOld.push(p) });
    await new Promise((resolve) => setTimeout(resolve, 0));
    const fresh = client.evaluateEvents(fleet.policies, { revision: 'ev' });
    await expect(old).rejects.toBeInstanceOf(SupersededError);
    const countAtSupersede = seenOld.length;
    const r = await fresh;
    expect(r.summary.events).toBe(events.length);
    expect(seenOld.length).toBe(countAtSupersede);
    expect(seenOld.at(-1)?.done ?? 0).toBeLessThan(events.length);
  });

  it('reports progress for long calls, ending at done = total', async () => {
    const client = track(createEngineClient({ inlineSliceMs: 0 }));
    const seen: Progress[] = [];
    const r = await client.evaluateEvents(fleet.policies, { events }, { onProgress: (p) => seen.push(p), maxDeviations: 5 });
    expect(r.deviations.length).toBe(5);
    expect(r.summary.deviations).toBeGreaterThan(5);
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.every((p) => p.phase === 'events' && p.total === events.length)).toBe(true);
    const dones = seen.map((p) => p.done);
    expect([...dones].sort((x, y) => x - y)).toEqual(dones);
    expect(seen.at(-1)?.done).toBe(events.length);
  });

  it('rejects with the engine error: unknown revision, nothing to build from', async () => {
    const client = track(createEngineClient());
    await expect(client.previewPolicy(draft('p'), { revision: 'nope' })).rejects.toThrow("revision 'nope' is not loaded");
    await expect(client.createPolicy([], { name: 'x' })).rejects.toThrow(/Nothing to build/);
  });

  it('rejects with an AbortError when the signal aborts', async () => {
    const client = track(createEngineClient());
    const ctl = new AbortController();
    const p = client.evaluateEvents(fleet.policies, { events }, { signal: ctl.signal });
    ctl.abort();
    const err: unknown = await p.catch((e: unknown) => e);
    expect(isAbortError(err)).toBe(true);
    const pre = new AbortController();
    pre.abort();
    await expect(client.validate('a: 1\n', undefined, { signal: pre.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('drops the oldest data set beyond maxDatasets', async () => {
    const client = track(createEngineClient({ maxDatasets: 1 }));
    await client.loadDataset('r1', { fingerprints });
    await client.loadDataset('r2', { fingerprints: fingerprints.slice(0, 5) });
    await expect(client.previewPolicy(draft('p'), { revision: 'r1' })).rejects.toThrow('not loaded');
    expect((await client.previewPolicy(draft('p'), { revision: 'r2' })).scope?.total).toBe(5);
  });
});

describe('engine client over comlink (a MessageChannel stands in for the Worker)', () => {
  it('runs calls in the "worker" with the same results as inline', async () => {
    const w = channelWorker();
    const client = track(createEngineClient({ createWorker: () => w }));
    expect(await client.ready).toBe('worker');
    await client.loadDataset('r1', { fingerprints });
    const seen: Progress[] = [];
    const viaWorker = await client.previewPolicy(draft('p'), { revision: 'r1', onProgress: (p) => seen.push(p) });
    const inline = track(createEngineClient({ inline: true }));
    await inline.loadDataset('r1', { fingerprints });
    expect(viaWorker).toEqual(await inline.previewPolicy(draft('p'), { revision: 'r1' }));
    expect(seen.length).toBeGreaterThan(0);
    const policy = createPolicy(fingerprints.slice(0, 2), { name: 'x' }).policy;
    expect((await client.findDeviations(policy, { revision: 'r1' })).length).toBeGreaterThan(0);
  });

  it('supersedes across the worker boundary', async () => {
    const client = track(createEngineClient({ createWorker: channelWorker }));
    await client.loadDataset('ev', { fingerprints: [], events });
    const old = client.evaluateEvents(fleet.policies, { revision: 'ev' });
    const fresh = client.evaluateEvents(fleet.policies, { revision: 'ev' });
    await expect(old).rejects.toBeInstanceOf(SupersededError);
    expect((await fresh).summary.events).toBe(events.length);
  });

  it('falls back inline when the worker cannot be created or never answers', async () => {
    const throws = track(
      createEngineClient({
        createWorker: () => {
          throw new Error('blocked by CSP');
        },
      }),
    );
    expect(await throws.ready).toBe('inline');
    const silent = channelWorker();
    silent.postMessage = () => undefined;
    const mute = track(createEngineClient({ createWorker: () => silent, startTimeoutMs: 30 }));
    expect(await mute.ready).toBe('inline');
    expect(silent.terminated).toBe(true);
    expect(await mute.toYaml({ b: [1] })).toBe('b:\n- 1\n');
  });

  it('falls back inline when the worker reports an error while starting', async () => {
    const w = channelWorker();
    const realPost = w.postMessage.bind(w);
    w.postMessage = (...args) => {
      w.crash('SyntaxError in engine.worker.js');
      realPost(...args);
    };
    const client = track(createEngineClient({ createWorker: () => w }));
    expect(await client.ready).toBe('inline');
  });

  it('after a crash: in-flight calls reject, later calls run inline with the data sets reloaded', async () => {
    const w = channelWorker();
    const client = track(createEngineClient({ createWorker: () => w }));
    await client.loadDataset('ev', { fingerprints, events });
    const inflight = client.evaluateEvents(fleet.policies, { revision: 'ev' });
    w.crash('out of memory');
    await expect(inflight).rejects.toBeInstanceOf(EngineCrashedError);
    expect(w.terminated).toBe(true);
    const r = await client.evaluateEvents(fleet.policies, { revision: 'ev' });
    expect(r.summary.events).toBe(events.length);
    expect((await client.previewPolicy(draft('p'), { revision: 'ev' })).scope?.count).toBe(40);
  });
});
