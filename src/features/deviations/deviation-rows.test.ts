import { describe, expect, it } from 'vitest';
import type { DeviationRecord } from '../../api/types.ts';
import type { GuardianDeviation, SpyderbatPolicy } from '../../engine/model/types.ts';
import { filterRows, sortRows, toRows } from './deviation-rows.ts';
import { readDeviationFilters, serverFilters, writeDeviationFilters } from './deviation-filters.ts';

const egress: GuardianDeviation = {
  apiVersion: 'spyderbat/v1',
  kind: 'GuardianDeviation',
  metadata: { type: 'container' },
  spec: { networkPolicy: { egress: [{ to: [{ dnsSelector: ['x'] }], ports: [{ port: 443, protocol: 'TCP' }] }] } },
};
const proc: GuardianDeviation = { ...egress, spec: { processPolicy: [{ name: 'nc', exe: ['/bin/nc'], id: 'nc_0' }] } };
const rec = (id: string, time: number, checksum: string, policyUid: string, dev: GuardianDeviation, ns = 'prod'): DeviationRecord => ({
  id,
  time,
  checksum,
  description: `x in container image "img-${policyUid}" ns:"${ns}" cluster:"c" deviated`,
  policyUid,
  policyName: `name-${policyUid}`,
  policyMode: 'audit',
  namespace: ns,
  clusterName: 'c',
  deviation: dev,
});
const policy = (uid: string, severity: 'critical' | 'low'): SpyderbatPolicy =>
  ({ metadata: { uid, name: `P ${uid}`, type: 'container' }, spec: { response: { default: [{ makeRedFlag: { severity } }], actions: [] } } }) as unknown as SpyderbatPolicy;

const records = [rec('1', 100, 'a', 'p1', egress), rec('2', 300, 'a', 'p1', egress), rec('3', 200, 'b', 'p2', proc, 'dev')];
const policies = new Map([
  ['p1', policy('p1', 'low')],
  ['p2', policy('p2', 'critical')],
]);

describe('deviation rows', () => {
  it('groups occurrences by deviation, or keeps each one', () => {
    const unique = toRows(records, 'unique', policies);
    expect(unique.map((r) => [r.record.checksum, r.count, r.firstTime, r.lastTime, r.kind, r.workload, r.severity])).toEqual([
      ['a', 2, 100, 300, 'egress', 'img-p1', 'low'],
      ['b', 1, 200, 200, 'process', 'img-p2', 'critical'],
    ]);
    expect(toRows(records, 'all', policies).map((r) => r.id)).toEqual(['1', '2', '3']);
    // Exact counts from the aggregate win over what the loaded page holds.
    expect(toRows(records, 'unique', policies, new Map([['p1|a', 40]])).map((r) => r.count)).toEqual([40, 1]);
  });

  it('filters by severity and text, sorts by any column', () => {
    const rows = toRows(records, 'all', policies);
    expect(filterRows(rows, { severity: 'critical', q: '' }).map((r) => r.id)).toEqual(['3']);
    expect(filterRows(rows, { severity: '', q: 'IMG-P1' }).map((r) => r.id)).toEqual(['1', '2']);
    expect(sortRows(rows, { key: 'time', dir: 'desc' }).map((r) => r.id)).toEqual(['2', '3', '1']);
    expect(sortRows(rows, { key: 'severity', dir: 'asc' }).map((r) => r.id)).toEqual(['3', '2', '1']);
    expect(sortRows(rows, { key: 'namespace', dir: 'asc' }).map((r) => r.id)).toEqual(['3', '2', '1']);
    expect(sortRows(toRows(records, 'unique', policies), { key: 'count', dir: 'desc' })[0]?.count).toBe(2);
  });
});

describe('deviations list URL state', () => {
  it('reads what the dashboard links write, and round-trips', () => {
    const f = readDeviationFilters(new URLSearchParams('from=1795176000&to=1795179600&cluster=dc1&kind=egress&type=container&policy=pol%3A1&workload=nginx%3A1&severity=high'));
    expect(f).toMatchObject({
      range: { kind: 'custom', start: 1795176000, end: 1795179600 },
      cluster: 'dc1',
      kind: 'egress',
      type: 'container',
      policy: 'pol:1',
      workload: 'nginx:1',
      severity: 'high',
      view: 'unique',
      tab: 'list',
    });
    expect(readDeviationFilters(writeDeviationFilters(f))).toEqual(f);
    expect(serverFilters(f)).toEqual({ policyUid: 'pol:1', clusterName: 'dc1', where: { deviation_kind: 'egress', policy_type: 'container', workload: 'nginx:1' } });
  });

  it('ignores unknown values and keeps defaults out of the URL', () => {
    const f = readDeviationFilters(new URLSearchParams('kind=bogus&severity=urgent&sort=nope&tab=audit&akind=policy_change'));
    expect(f).toMatchObject({ kind: '', severity: '', sort: { key: 'time', dir: 'desc' }, tab: 'audit', auditKind: 'policy_change' });
    expect(writeDeviationFilters({ ...f, tab: 'list', auditKind: '' }).toString()).toBe('');
    expect(writeDeviationFilters({ ...f, tab: 'list', auditKind: '', sort: { key: 'policy', dir: 'asc' } }).toString()).toBe('sort=policy&dir=asc');
  });
});
