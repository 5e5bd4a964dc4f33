import { describe, expect, it } from 'vitest';
import { readDashboardFilters, writeDashboardFilters, type DashboardFilters } from './dashboard-filters.ts';
import { deviationsHref, policiesHref, redFlagsHref } from './drill-down.ts';

const T = 1_795_176_000;

describe('dashboard URL state', () => {
  it('reads defaults and round-trips every field', () => {
    expect(readDashboardFilters(new URLSearchParams(''))).toEqual({ range: { kind: 'preset', preset: '7d' }, cluster: '', namespace: '', policy: '', split: 'type' });
    const f: DashboardFilters = { range: { kind: 'preset', preset: '30d' }, cluster: 'dc1-k8s', namespace: 'kube-system', policy: 'pol:1', split: 'kind' };
    const p = writeDashboardFilters(f);
    expect(p.toString()).toBe('range=30d&cluster=dc1-k8s&ns=kube-system&policy=pol%3A1&split=kind');
    expect(readDashboardFilters(p)).toEqual(f);
    expect(writeDashboardFilters(readDashboardFilters(new URLSearchParams('split=bogus'))).toString()).toBe('');
  });
});

describe('drill-down links', () => {
  const f: DashboardFilters = { range: { kind: 'preset', preset: '7d' }, cluster: 'dc1-k8s', namespace: '', policy: '', split: 'kind' };

  it('turns a bucket and series into the exact time window and kind', () => {
    expect(deviationsHref(f, { bucket: { start: T, end: T + 3600 }, series: { split: 'kind', key: 'egress' } })).toBe(`/deviations?from=${T}&to=${T + 3600}&cluster=dc1-k8s&kind=egress`);
    expect(deviationsHref(f, { bucket: { start: T - 43200, end: T + 43200 }, series: { split: 'type', key: 'linux-service' } })).toBe(
      '/deviations?from=2026-11-20&to=2026-11-20&cluster=dc1-k8s&type=linux-service',
    );
    expect(deviationsHref(f, { series: { split: 'kind', key: 'unknown' } })).toBe('/deviations?cluster=dc1-k8s');
  });

  it('links a policy bar and a workload bar with the range', () => {
    expect(deviationsHref({ ...f, range: { kind: 'preset', preset: '30d' } }, { policy: 'pol:x' })).toBe('/deviations?range=30d&cluster=dc1-k8s&policy=pol%3Ax');
    expect(deviationsHref({ ...f, namespace: 'a' }, { workload: { workload: 'nginx:1', namespace: '', cluster: 'edge' } })).toBe('/deviations?cluster=edge&workload=nginx%3A1');
  });

  it('links red flags by severity and the policies list by type and status', () => {
    expect(redFlagsHref(f, { severity: 'critical' })).toBe('/redflags?cluster=dc1-k8s&severity=critical');
    expect(redFlagsHref({ ...f, cluster: '' })).toBe('/redflags');
    expect(policiesHref({ type: 'container', status: 'Auditing' })).toBe('/policies?type=container&status=Auditing');
    expect(policiesHref({})).toBe('/policies');
  });
});
