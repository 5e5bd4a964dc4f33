import { describe, expect, it } from 'vitest';
import type { WireSearchRequest } from '../../api/wire.ts';
import { runSearch } from '../search/run-search.ts';
import { TEST_NOW } from '../testing/test-api.ts';
import { DEMO_ORG_UID } from '../constants.ts';
import { groupDeviationEvents, groupRedFlagEvents } from './aggregate-ops.ts';
import { MockBackend } from './mock-backend.ts';
import { rowsOf } from './search-ops.ts';

const backend = MockBackend.createSync({ now: TEST_NOW, clock: () => TEST_NOW * 1000 });
const org = backend.org(DEMO_ORG_UID);
if (!org) throw new Error('demo org missing');

const day = 86400;
const end = Math.ceil(TEST_NOW / day) * day;
const days = (n: number): number[] => Array.from({ length: n + 1 }, (_, i) => end - (n - i) * day);
const hours = (n: number): number[] => Array.from({ length: n + 1 }, (_, i) => end - (n - i) * 3600);

function generic(req: WireSearchRequest, cap = 100_000) {
  return runSearch(rowsOf(backend, org!, req.schema, req.start_time, req.end_time), req, cap);
}

const base = { query: '', start_time: end - 30 * day, end_time: end } as const;

describe('fast group_by over deviation events', () => {
  const requests: [string, WireSearchRequest, number?][] = [
    ['time × policy type', { ...base, schema: 'event_deviation', group_by: [{ name: 'time', bins: days(30) }, { name: 'policy_type' }] }],
    [
      'time × kind, hourly, a cluster',
      { ...base, schema: 'event_deviation', query: 'cluster_name = "dc1-k8s"', start_time: end - 2 * day, group_by: [{ name: 'time', bins: hours(48) }, { name: 'deviation_kind' }] },
    ],
    ['policy, audit mode only', { ...base, schema: 'event_deviation', query: 'policy_mode = "audit"', group_by: [{ name: 'policy_uid' }] }],
    [
      'top 5 workloads by count',
      { ...base, schema: 'event_deviation', group_by: [{ name: 'workload' }, { name: 'namespace' }, { name: 'cluster_name' }], order_by: [{ name: 'count', ascending: false }] },
      5,
    ],
    [
      'nested field, OR query',
      { ...base, schema: 'event_deviation', query: 'deviation_kind = "egress" OR namespace ~= "kube*"', group_by: [{ name: 'deviation.metadata.type' }, { name: 'time', bins: days(30) }] },
    ],
  ];
  for (const [name, req, cap] of requests) {
    it(`answers like the row-by-row search: ${name}`, () => {
      const fast = groupDeviationEvents(backend, org, req, cap ?? 100_000);
      expect(fast).not.toBeNull();
      expect(fast).toEqual(generic(req, cap));
      expect(fast?.length).toBeGreaterThan(0);
    });
  }

  it('declines queries on per-occurrence fields', () => {
    expect(groupDeviationEvents(backend, org, { ...base, schema: 'event_deviation', query: 'time > 5', group_by: [{ name: 'policy_uid' }] }, 10)).toBeNull();
    expect(groupDeviationEvents(backend, org, { ...base, schema: 'event_deviation', group_by: [{ name: 'id' }] }, 10)).toBeNull();
    expect(groupDeviationEvents(backend, org, { ...base, schema: 'event_redflag', group_by: [{ name: 'severity' }] }, 10)).toBeNull();
  });

  it('counts every event of the window once', () => {
    const rows = groupDeviationEvents(backend, org, { ...base, schema: 'event_deviation', group_by: [{ name: 'policy_type' }] }, 100) ?? [];
    const total = rows.reduce((n, r) => n + Number(r.count), 0);
    expect(total).toBe([...rowsOf(backend, org, 'event_deviation', base.start_time, base.end_time)].length);
  });
});

describe('fast group_by over red flags', () => {
  const requests: [string, WireSearchRequest][] = [
    ['time × severity', { ...base, schema: 'event_redflag', group_by: [{ name: 'time', bins: days(30) }, { name: 'severity' }] }],
    ['severity in a namespace glob', { ...base, schema: 'event_redflag', query: 'namespace ~= "*prod*"', group_by: [{ name: 'severity' }] }],
    ['by policy and short name', { ...base, schema: 'event_redflag', group_by: [{ name: 'policy_uid' }, { name: 'short_name' }], order_by: [{ name: 'count', ascending: false }] }],
  ];
  for (const [name, req] of requests) {
    it(`answers like the row-by-row search: ${name}`, () => {
      const fast = groupRedFlagEvents(org, req, 100_000);
      expect(fast).toEqual(generic(req));
      expect(fast?.length).toBeGreaterThan(0);
    });
  }
});
