/** Aggregates through the client against the mock: splits, filters, top-N groups, absolute windows. */
import { describe, expect, it } from 'vitest';
import { countBy, countOverTime } from '../api/aggregates.ts';
import { listDeviations } from '../api/deviations.ts';
import { createTestApi, TEST_NOW, useTestClock as pinTestClock } from './testing/test-api.ts';

pinTestClock();

describe('aggregates', () => {
  const api = createTestApi();

  it('splits deviations by kind and by policy type, with the same totals', async () => {
    const byKind = await countOverTime(api.client, { schema: 'event_deviation', days: 7, bucket: 'day', splitBy: 'deviation_kind' });
    const byType = await countOverTime(api.client, { schema: 'event_deviation', days: 7, bucket: 'day', splitBy: 'policy_type' });
    const total = (bs: typeof byKind) => bs.reduce((n, b) => n + b.count, 0);
    expect(total(byKind)).toBeGreaterThan(0);
    expect(total(byKind)).toBe(total(byType));
    const kinds = new Set(byKind.flatMap((b) => Object.keys(b.by ?? {})));
    expect([...kinds].every((k) => ['process', 'ingress', 'egress', 'image'].includes(k))).toBe(true);
    expect(kinds.has('process')).toBe(true);
  });

  it('returns the top N groups by count, largest first, matching the records', async () => {
    const top = await countBy(api.client, { schema: 'event_deviation', fields: ['policy_uid', 'policy_name'], days: 30, top: 3 });
    expect(top).toHaveLength(3);
    expect(top[0]?.count).toBeGreaterThanOrEqual(top[1]?.count ?? 0);
    const records = await listDeviations(api.client, { policyUid: top[0]?.values.policy_uid ?? '', days: 30, limit: 100_000 });
    expect(records).toHaveLength(top[0]?.count ?? -1);
    expect(records[0]?.policyName).toBe(top[0]?.values.policy_name);
  });

  it('filters by namespace, kind and an absolute window', async () => {
    const all = await countBy(api.client, { schema: 'event_deviation', fields: ['namespace', 'deviation_kind'], days: 30 });
    const pick = all.find((g) => g.values.namespace !== '');
    expect(pick).toBeDefined();
    const one = await countBy(api.client, {
      schema: 'event_deviation',
      fields: ['namespace'],
      days: 30,
      namespace: pick?.values.namespace ?? '',
      where: { deviation_kind: pick?.values.deviation_kind ?? '' },
    });
    expect(one).toEqual([{ values: { namespace: pick?.values.namespace }, count: pick?.count }]);
    const buckets = await countOverTime(api.client, { schema: 'event_redflag', days: 0, bucket: 'hour', startTime: TEST_NOW - 3 * 86400, endTime: TEST_NOW - 86400, splitBy: 'severity' });
    expect(buckets).toHaveLength(48);
    expect(buckets[0]?.start).toBe(TEST_NOW - 3 * 86400);
  });

  it('answers an empty org with no groups', async () => {
    const sandbox = api.clientWith({ org: 'acme-sandbox' });
    expect(await countBy(sandbox, { schema: 'event_deviation', fields: ['policy_uid'], days: 30, top: 10 })).toEqual([]);
    const b = await countOverTime(sandbox, { schema: 'event_redflag', days: 7, bucket: 'day', splitBy: 'severity' });
    expect(b.every((x) => x.count === 0)).toBe(true);
  });
});
