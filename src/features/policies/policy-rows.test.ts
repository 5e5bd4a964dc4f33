import { describe, expect, it } from 'vitest';
import type { SpyderbatPolicy } from '../../engine/model/types.ts';
import { readFilters, writeFilters } from './policy-filters.ts';
import { filterAndSort, toRows } from './policy-rows.ts';

function pol(name: string, mode: 'audit' | 'enforce', enabled?: boolean, type: 'container' | 'linux-service' = 'container'): SpyderbatPolicy {
  return {
    apiVersion: 'spyderbat/v1',
    kind: 'SpyderbatPolicy',
    metadata: { name, type, uid: `pol:${name}`, version: name.length },
    spec: {
      ...(type === 'container' ? { containerSelector: { image: `${name}:*` } } : { serviceSelector: { cgroup: `systemd:/system.slice/${name}.service` } }),
      mode,
      ...(enabled === undefined ? {} : { enabled }),
      processPolicy: [],
      networkPolicy: { ingress: [], egress: [] },
      response: { default: [], actions: [] },
    },
  };
}

describe('policy list filters', () => {
  it('round-trips through the URL and ignores junk', () => {
    const f = readFilters(new URLSearchParams('q=web&type=container&status=Enforcing&sort=deviations&dir=desc'));
    expect(f).toEqual({ q: 'web', type: 'container', status: 'Enforcing', sort: { key: 'deviations', dir: 'desc' } });
    expect(writeFilters(f).toString()).toBe('q=web&type=container&status=Enforcing&sort=deviations&dir=desc');
    expect(readFilters(new URLSearchParams('type=evil&status=x&sort=__proto__'))).toEqual({ q: '', type: '', status: '', sort: { key: 'name', dir: 'asc' } });
  });

  it('filters by status, type and text; sorts numbers and names', () => {
    const rows = toRows(
      [pol('web', 'audit'), pol('api', 'enforce'), pol('db', 'enforce', false), pol('sshd', 'audit', undefined, 'linux-service')],
      [{ start: 0, count: 5, by: { 'pol:web': 2, 'pol:api': 3 } }, { start: 3600, count: 1, by: { 'pol:web': 1 } }],
      [4, 2, 0, 1],
    );
    expect(rows.map((r) => r.status)).toEqual(['Auditing', 'Enforcing', 'Disabled', 'Auditing']);
    expect(rows[0]?.spark).toEqual([2, 1]);
    const base = readFilters(new URLSearchParams());
    expect(filterAndSort(rows, { ...base, status: 'Auditing' }).map((r) => r.name)).toEqual(['sshd', 'web']);
    expect(filterAndSort(rows, { ...base, type: 'linux-service' }).map((r) => r.name)).toEqual(['sshd']);
    expect(filterAndSort(rows, { ...base, q: 'system.slice' }).map((r) => r.name)).toEqual(['sshd']);
    expect(filterAndSort(rows, { ...base, sort: { key: 'deviations', dir: 'desc' } }).map((r) => r.name)).toEqual(['api', 'web', 'db', 'sshd']);
    expect(filterAndSort(rows, { ...base, sort: { key: 'covered', dir: 'asc' } }).map((r) => r.name)).toEqual(['db', 'sshd', 'api', 'web']);
  });
});
