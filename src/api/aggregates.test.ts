import { describe, expect, it } from 'vitest';
import type { SpyderbatFingerprint } from '../engine/model/types.ts';
import { binEdges, bucketRows } from './aggregates.ts';
import { uniqueDeviations } from './deviations.ts';
import { groupFingerprints } from './fingerprints.ts';
import type { DeviationRecord } from './types.ts';

describe('binEdges and bucketRows', () => {
  it('aligns day bins to the day and covers the window', () => {
    const edges = binEdges(1_000_000, 2, 'day');
    expect(edges.every((e) => e % 86400 === 0)).toBe(true);
    expect(edges).toHaveLength(3);
    expect(edges[edges.length - 1]).toBeGreaterThanOrEqual(1_000_000);
  });

  it('sums grouped rows (count) and raw records (one each), splitting by a field', () => {
    const edges = [0, 10, 20];
    const grouped = bucketRows([{ time: 0, count: 4, severity: 'high' }, { time: 10, count: 2, severity: 'low' }], edges, 'severity');
    expect(grouped).toEqual([{ start: 0, count: 4, by: { high: 4 } }, { start: 10, count: 2, by: { low: 2 } }]);
    const raw = bucketRows([{ time: 1 }, { time: 9 }, { time: 15 }, { time: 25 }, { time: 'x' }], edges);
    expect(raw.map((b) => b.count)).toEqual([2, 1]);
  });
});

describe('uniqueDeviations', () => {
  it('keeps the latest record per (policy, checksum) with counts and first/last times', () => {
    const rec = (id: string, time: number, checksum: string): DeviationRecord =>
      ({ id, time, checksum, description: id, policyUid: 'pol:a', policyName: 'a', policyMode: 'audit', deviation: { apiVersion: 'spyderbat/v1', kind: 'GuardianDeviation', metadata: { type: 'container' }, spec: {} } });
    const out = uniqueDeviations([rec('1', 10, 'x'), rec('2', 30, 'x'), rec('3', 20, 'y'), rec('4', 5, 'x')]);
    expect(out.map((d) => [d.id, d.count, d.firstTime, d.lastTime])).toEqual([
      ['2', 3, 5, 30],
      ['3', 1, 20, 20],
    ]);
  });
});

describe('groupFingerprints', () => {
  const fp = (id: string, image: string, latest: number, name: string): SpyderbatFingerprint => ({
    apiVersion: 'spyderbat/v1',
    kind: 'SpyderbatFingerprint',
    metadata: { name: image, type: 'container', id, latestTimestamp: latest, firstTimestamp: latest - 100, containerName: name, muid: `m-${name}` },
    spec: { containerSelector: { image, imageID: `sha256:${image}` }, processPolicy: [], networkPolicy: { ingress: [], egress: [] } },
  });

  it('groups by image + imageID, keeps the latest version of each fingerprint id, and spans timestamps', () => {
    const groups = groupFingerprints([fp('f1', 'nginx:1', 200, 'a'), fp('f1', 'nginx:1', 300, 'a'), fp('f2', 'nginx:1', 250, 'b'), fp('f3', 'redis:7', 100, 'c')]);
    expect(groups).toHaveLength(2);
    const nginx = groups[0];
    expect(nginx?.data.fingerprints.map((f) => [f.metadata.id, f.metadata.latestTimestamp])).toEqual([
      ['f1', 300],
      ['f2', 250],
    ]);
    expect(nginx?.metadata).toMatchObject({ image: 'nginx:1', firstTimestamp: 100, latestTimestamp: 300 });
    expect(nginx?.data.containerNames).toEqual(['a', 'b']);
  });
});
