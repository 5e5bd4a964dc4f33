import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validateObject } from '../validate/index.ts';
import type { ProcessNode } from '../model/types.ts';
import { generateFingerprints } from './fingerprints.ts';
import { peerCount } from './network.ts';
import { countNodes } from './process-tree.ts';

const ids = (nodes: readonly ProcessNode[]): string[] => nodes.flatMap((n) => [n.id, ...ids(n.children ?? [])]);

describe('generateFingerprints', () => {
  it('gives N fingerprints of one image with 5–40 processes and 5–200 peers (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 1, max: 6 }), fc.constantFrom('docker.io/library/nginx:1.25.3', 'ghcr.io/acme/orders-api:2.4.1', 'docker.io/library/redis:7.2.4', 'quay.io/example/unknown:1.0'), (seed, count, image) => {
        const fps = generateFingerprints({ seed, count, image, now: 1_795_176_000 });
        expect(fps).toHaveLength(count);
        for (const fp of fps) {
          expect(fp.metadata.image).toBe(image);
          const n = countNodes(fp.spec.processPolicy);
          expect(n).toBeGreaterThanOrEqual(5);
          expect(n).toBeLessThanOrEqual(40);
          const peers = peerCount(fp.spec.networkPolicy);
          expect(peers).toBeGreaterThanOrEqual(5);
          expect(peers).toBeLessThanOrEqual(200);
          const all = ids(fp.spec.processPolicy);
          expect(new Set(all).size).toBe(all.length);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('honours custom ranges and is deterministic', () => {
    const a = generateFingerprints({ seed: 9, count: 3, image: 'docker.io/library/nginx:1.27.0', processes: [30, 30], peers: [150, 150], now: 1_795_176_000 });
    expect(a.map((f) => countNodes(f.spec.processPolicy))).toEqual([30, 30, 30]);
    expect(a.map((f) => peerCount(f.spec.networkPolicy))).toEqual([150, 150, 150]);
    expect(generateFingerprints({ seed: 9, count: 3, image: 'docker.io/library/nginx:1.27.0', processes: [30, 30], peers: [150, 150], now: 1_795_176_000 })).toEqual(a);
  });

  it('produces valid fingerprints, for services too', () => {
    const fps = [...generateFingerprints({ seed: 3, count: 4, now: 1_795_176_000 }), ...generateFingerprints({ seed: 3, count: 4, type: 'linux-service', template: 'sshd', now: 1_795_176_000 })];
    for (const fp of fps) expect(validateObject(fp).filter((d) => d.severity === 'error')).toEqual([]);
    expect(fps[5]?.spec.serviceSelector?.cgroup).toBe('systemd:/system.slice/ssh.service');
  });
});
