import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProcessNode } from '../model/types.ts';
import { EventEvaluator } from '../evaluate/evaluator.ts';
import { identityOfFingerprint } from '../evaluate/scope.ts';
import { generateFingerprints } from '../generate/index.ts';
import { createPolicy } from '../spyderbat/index.ts';
import { fingerprintActivity } from './activity.ts';

describe('fingerprintActivity', () => {
  it('is all allowed by a policy created from the same fingerprints', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 4 }), (seed, count) => {
        const fps = generateFingerprints({ seed, now: 1_700_000_000, count, processes: [5, 12], peers: [3, 12] });
        const { policy } = createPolicy(fps, { name: 'p' });
        const evaluator = new EventEvaluator([policy]);
        let events = 0;
        for (const fp of fps) {
          for (const e of fingerprintActivity(fp, identityOfFingerprint(fp))) {
            events++;
            const v = evaluator.evaluate(e);
            expect(v.covered).toBe(true);
            expect(v.deviation).toBe(false);
          }
        }
        expect(events).toBeGreaterThan(0);
      }),
      { numRuns: 15 },
    );
  });

  it('makes one process event per path and one connection per peer × port × process', () => {
    const [fp] = generateFingerprints({ seed: 3, now: 1_700_000_000, count: 1, processes: [5, 5], peers: [4, 4] });
    if (fp === undefined) throw new Error('no fingerprint');
    const events = fingerprintActivity(fp, identityOfFingerprint(fp));
    const procs = events.filter((e) => e.kind === 'process');
    const conns = events.filter((e) => e.kind === 'connection');
    const perPath = (nodes: readonly ProcessNode[], users: readonly string[] | undefined): number =>
      nodes.reduce((n, node) => {
        const u = node.euser ?? users ?? ['root'];
        return n + node.exe.length * u.length + perPath(node.children ?? [], u);
      }, 0);
    expect(procs.length).toBe(perPath(fp.spec.processPolicy, undefined));
    expect(procs.length).toBeGreaterThan(0);
    const atoms = [...fp.spec.networkPolicy.ingress, ...fp.spec.networkPolicy.egress].reduce((n, rule) => {
      const peers = ('from' in rule ? rule.from : rule.to).reduce((k, p) => k + ('ipBlock' in p ? 1 : p.dnsSelector.length), 0);
      return n + peers * rule.ports.length * Math.max(1, rule.processes?.length ?? 0);
    }, 0);
    expect(conns.length).toBe(atoms);
  });
});
