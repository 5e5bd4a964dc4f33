import { describe, expect, it } from 'vitest';
import type { RedFlag } from '../../api/types.ts';
import { readRedFlagFilters, writeRedFlagFilters } from './redflag-filters.ts';
import { filterFlags, sortFlags } from './redflag-rows.ts';

const flag = (id: string, time: number, severity: RedFlag['severity'], name: string, ns?: string): RedFlag => ({
  id,
  time,
  severity,
  shortName: name,
  description: `${name} happened`,
  flagClass: ['redflag', 'proc'],
  ref: `proc:${id}`,
  clusterName: 'c',
  ...(ns ? { namespace: ns } : {}),
});

describe('red flags list', () => {
  it('reads dashboard links and round-trips through the URL', () => {
    const f = readRedFlagFilters(new URLSearchParams('from=1795176000&to=1795179600&severity=critical&cluster=dc1&ns=prod&policy=pol%3Ax'));
    expect(f).toMatchObject({
      range: { kind: 'custom', start: 1795176000, end: 1795179600 },
      severity: 'critical',
      cluster: 'dc1',
      namespace: 'prod',
      policy: 'pol:x',
      sort: { key: 'time', dir: 'desc' },
    });
    expect(readRedFlagFilters(writeRedFlagFilters(f))).toEqual(f);
    expect(readRedFlagFilters(new URLSearchParams('severity=nope&sort=zzz'))).toMatchObject({ severity: '', sort: { key: 'time', dir: 'desc' } });
  });

  it('filters by text and sorts by severity, name or time', () => {
    const flags = [flag('1', 10, 'low', 'Crypto miner', 'prod'), flag('2', 30, 'critical', 'SSH from public IP'), flag('3', 20, 'high', 'Unapproved image', 'dev')];
    expect(filterFlags(flags, 'ssh').map((f) => f.id)).toEqual(['2']);
    expect(filterFlags(flags, 'proc:3').map((f) => f.id)).toEqual(['3']);
    expect(sortFlags(flags, { key: 'time', dir: 'desc' }).map((f) => f.id)).toEqual(['2', '3', '1']);
    expect(sortFlags(flags, { key: 'severity', dir: 'asc' }).map((f) => f.id)).toEqual(['2', '3', '1']);
    expect(sortFlags(flags, { key: 'name', dir: 'asc' }).map((f) => f.id)).toEqual(['1', '2', '3']);
  });
});
