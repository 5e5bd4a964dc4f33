import { describe, expect, it } from 'vitest';
import { binEdgesBetween, countRows, edgesOf, filterQuery } from './aggregates.ts';

describe('aggregate filters and windows', () => {
  it('joins exact-match filters, quoting values and skipping empty ones', () => {
    expect(filterQuery({})).toBe('');
    expect(filterQuery({ clusterName: 'eks', namespace: 'a"b', where: { deviation_kind: 'egress', workload: '' } })).toBe('cluster_name = "eks" AND namespace = "a\\"b" AND deviation_kind = "egress"');
    expect(filterQuery({ policyMode: 'audit' })).toBe('policy_mode = "audit"');
  });

  it('aligns absolute windows to the bucket and always has at least one bin', () => {
    expect(binEdgesBetween(3600 * 5 + 10, 3600 * 7 + 1, 'hour')).toEqual([18000, 21600, 25200, 28800]);
    expect(binEdgesBetween(100, 100, 'day')).toEqual([0, 86400]);
    expect(edgesOf({ days: 1, bucket: 'hour', startTime: 0, endTime: 7200 }, 999_999)).toEqual([0, 3600, 7200]);
    expect(edgesOf({ days: 1, bucket: 'hour' }, 7200)).toHaveLength(25);
  });

  it('counts groups or raw records by fields, largest first', () => {
    const rows = [{ policy_uid: 'a', count: 3 }, { policy_uid: 'b', count: 5 }, { policy_uid: 'a' }, { other: 1 }];
    expect(countRows(rows, ['policy_uid'])).toEqual([
      { values: { policy_uid: 'b' }, count: 5 },
      { values: { policy_uid: 'a' }, count: 4 },
      { values: { policy_uid: '' }, count: 1 },
    ]);
  });
});
