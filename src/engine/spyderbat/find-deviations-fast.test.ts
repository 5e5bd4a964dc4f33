/**
 * The fast findDeviations path (policy indexed once, atom keys built from
 * per-peer / per-port parts, identical nodes skipped) against the reference
 * path it replaced: a merge per fingerprint, both specs fully exploded with
 * canonicalJson keys.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateFingerprints } from '../generate/fingerprints.ts';
import type { Protocol, SpyderbatFingerprint } from '../model/types.ts';
import { makeFingerprints } from '../__fixtures__/spyderbat/gen-fingerprints.ts';
import { createPolicy } from './create-policy.ts';
import { addedAtoms, atomIndex, diffAtoms, explodeNetwork } from './diff-structured.ts';
import { findDeviations } from './find-deviations.ts';
import { canonicalJson, isRecord, jsonEqual, specOf } from './inputs.ts';
import type { Json } from './inputs.ts';
import { MergeState } from './merge-state.ts';
import type { DeviationItem } from './types.ts';

/** The canonicalJson this file's optimisation replaced. */
function canonicalReference(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalReference).join(',')}]`;
  if (isRecord(v)) {
    const keys = Object.keys(v)
      .filter((k) => v[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalReference(v[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

const children = (n: Json): Json[] => (Array.isArray(n.children) ? n.children.filter(isRecord) : []);
const withoutChildren = (n: Json): Json => Object.fromEntries(Object.entries(n).filter(([k]) => k !== 'children'));

function indexNodes(nodes: readonly Json[], out: Map<string, Json>): Map<string, Json> {
  for (const n of nodes) {
    out.set(String(n.id), n);
    indexNodes(children(n), out);
  }
  return out;
}

function processItems(before: Map<string, Json>, nodes: readonly Json[], path: string[], parentId: string | undefined, out: DeviationItem[]): void {
  for (const n of nodes) {
    const id = String(n.id);
    const here = [...path, String(n.name)];
    const old = before.get(id);
    const parent = parentId !== undefined ? { parentId } : {};
    if (old === undefined) {
      out.push({ kind: 'process', path: here, node: n as never, ...parent });
      continue;
    }
    if (canonicalReference(withoutChildren(old)) !== canonicalReference(withoutChildren(n))) {
      out.push({ kind: 'process', path: here, node: withoutChildren(n) as never, ...parent });
    }
    processItems(before, children(n), here, id, out);
  }
}

/** The deviation items of the reference path, by fingerprint index (no entry: no deviation). */
function referenceItems(policy: Json, fps: readonly SpyderbatFingerprint[]): Map<number, DeviationItem[]> {
  const normalizer = new MergeState(policy);
  normalizer.merge({ kind: 'SpyderbatFingerprint', metadata: { type: 'container' }, spec: { processPolicy: [], networkPolicy: { ingress: [], egress: [] } } }, false);
  const normalSpec = specOf(normalizer.toData());
  const before = indexNodes((normalSpec.processPolicy as Json[] | undefined) ?? [], new Map());
  const out = new Map<number, DeviationItem[]>();
  fps.forEach((fp, i) => {
    const state = new MergeState(normalizer.toData());
    state.merge(fp as unknown as Json, false, i);
    const after = specOf(state.toData());
    if (jsonEqual(normalSpec.processPolicy, after.processPolicy) && jsonEqual(normalSpec.networkPolicy, after.networkPolicy)) return;
    const items: DeviationItem[] = [];
    processItems(before, (after.processPolicy as Json[] | undefined) ?? [], [], undefined, items);
    for (const dir of ['ingress', 'egress'] as const) {
      for (const a of diffAtoms(normalSpec, after, dir).added) {
        const peer = isRecord(a.peer.ipBlock) ? String(a.peer.ipBlock.cidr) : Array.isArray(a.peer.dnsSelector) ? String(a.peer.dnsSelector[0]) : '';
        const port = Number(a.port.port);
        const endPort = typeof a.port.endPort === 'number' && a.port.endPort !== port ? { endPort: a.port.endPort } : {};
        items.push({ kind: dir, peer, port, ...endPort, protocol: String(a.port.protocol) as Protocol, ...(a.process !== undefined ? { process: a.process } : {}) });
      }
    }
    out.set(i, items);
  });
  return out;
}

function checkAgainstReference(fps: readonly SpyderbatFingerprint[], seedCount: number): number {
  const { policy } = createPolicy(fps.slice(0, seedCount), { name: 'p' });
  const fast = findDeviations(policy, fps, { scope: () => true });
  const ref = referenceItems(policy as unknown as Json, fps);
  expect(fast.map((d) => d.fingerprintIndex)).toEqual([...ref.keys()]);
  for (const d of fast) expect(d.items).toEqual(ref.get(d.fingerprintIndex));
  return fast.length;
}

describe('fast findDeviations path', () => {
  it('canonicalJson prints what the reference printed (sorted keys, undefined dropped)', () => {
    const value = fc.letrec((tie) => ({
      v: fc.oneof(
        { depthSize: 'small' },
        fc.jsonValue({ maxDepth: 2 }),
        fc.constant(undefined),
        fc.array(tie('v'), { maxLength: 4 }),
        fc.dictionary(fc.string({ maxLength: 4 }), tie('v'), { maxKeys: 5 }),
      ),
    })).v;
    fc.assert(fc.property(value, (v) => canonicalJson(v) === canonicalReference(v)), { numRuns: 500 });
    // eslint-disable-next-line no-sparse-arrays
    expect(canonicalJson([1, , 2])).toBe(canonicalReference([1, , 2]));
  });

  it('atom keys are canonicalJson([direction, peer, port, process])', () => {
    const { policy } = createPolicy(makeFingerprints(30, 3), { name: 'p' });
    const spec = policy.spec as unknown as Json;
    for (const dir of ['ingress', 'egress'] as const) {
      const atoms = explodeNetwork(spec, dir);
      expect(atoms.length).toBeGreaterThan(0);
      for (const a of atoms) expect(a.key).toBe(canonicalReference([dir, a.peer, a.port, a.process ?? null]));
    }
  });

  it('addedAtoms with an index equals diffAtoms(...).added', () => {
    const fps = makeFingerprints(40, 11);
    const { policy } = createPolicy(fps.slice(0, 10), { name: 'p' });
    const base = new MergeState(policy as unknown as Json);
    for (const dir of ['ingress', 'egress'] as const) {
      const index = atomIndex(policy.spec as unknown as Json, dir);
      let added = 0;
      for (const f of fps) {
        const state = new MergeState(base.toData());
        state.merge(f as unknown as Json, false);
        const after = specOf(state.toData());
        const expected = diffAtoms(policy.spec as unknown as Json, after, dir).added;
        expect(addedAtoms(index, after)).toEqual(expected);
        added += expected.length;
      }
      expect(added).toBeGreaterThan(0);
    }
  });

  it('equals the reference path on generated fingerprints (spyderbat generator)', () => {
    for (const seed of [1, 2, 3]) expect(checkAgainstReference(makeFingerprints(40, seed), 8)).toBeGreaterThan(0);
  });

  it('equals the reference path on generated fingerprints (dataset generator)', () => {
    for (const seed of [5, 9]) {
      const fps = generateFingerprints({ seed, now: 1_750_000_000, count: 20, image: `reg.example/app-${seed}:1.0`, processes: [5, 40], peers: [5, 50] });
      expect(checkAgainstReference(fps, 5)).toBeGreaterThan(0);
    }
  });
});
