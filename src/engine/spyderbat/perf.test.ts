/**
 * Scale guard: 2,000 fingerprints of one image (5–40 processes, 5–200 peers
 * each; about 200,000 peer entries, 480 network nodes in the result). The target
 * is under 1 s for createPolicy on an idle machine (about 0.8 s measured on a
 * loaded 2-core box, warm); the bounds here are loose so that shared CI machines
 * do not flake, but a quadratic blow-up (minutes) fails them.
 */
import { describe, expect, it } from 'vitest';
import { makeFingerprints } from '../__fixtures__/spyderbat/gen-fingerprints.ts';
import { createPolicy } from './create-policy.ts';
import { findDeviations } from './find-deviations.ts';
import { mergeIntoPolicy } from './merge-policy.ts';

describe('scale', () => {
  const fps = makeFingerprints(2000, 42);

  it('creates a policy from 2,000 fingerprints quickly', () => {
    createPolicy(fps.slice(0, 200), { name: 'warm-up' });
    const t0 = performance.now();
    const { policy } = createPolicy(fps, { name: 'api' });
    const ms = performance.now() - t0;
    expect(policy.spec.networkPolicy.egress.length).toBeGreaterThan(100);
    expect(ms).toBeLessThan(4000);
  });

  it('merges them into the policy and checks them for deviations quickly', () => {
    const { policy } = createPolicy(fps, { name: 'api' });
    const t0 = performance.now();
    expect(mergeIntoPolicy(policy, fps).changed).toBe(false);
    expect(findDeviations(policy, fps)).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(8000);
  });
});
