import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildPolicyHref, clearFilters, DEFAULT_FILTERS, hasActiveFilters, readFilters, writeFilters, type FingerprintFilters } from './fingerprint-filters.ts';

describe('fingerprint filters in the URL', () => {
  it('reads the defaults from an empty query', () => {
    expect(readFilters(new URLSearchParams())).toEqual(DEFAULT_FILTERS);
    expect(writeFilters(DEFAULT_FILTERS).toString()).toBe('');
  });

  it('writes a canonical, readable query', () => {
    const f: FingerprintFilters = {
      clusters: ['prod-eks-usw2', 'dc1-k8s', 'dc1-k8s'],
      namespaces: ['kube-system'],
      types: ['container'],
      coverage: ['uncovered'],
      q: 'nginx',
      group: 'none',
      sort: { key: 'latest', dir: 'desc' },
    };
    expect(writeFilters(f).toString()).toBe('cluster=dc1-k8s&cluster=prod-eks-usw2&ns=kube-system&type=container&cov=uncovered&q=nginx&group=none&sort=latest&dir=desc');
  });

  it('ignores unknown values and sort keys of the other view', () => {
    const f = readFilters(new URLSearchParams('type=vm&type=linux-service&cov=maybe&sort=instances&group=none&dir=up'));
    expect(f.types).toEqual(['linux-service']);
    expect(f.coverage).toEqual([]);
    expect(f.sort).toEqual({ key: 'name', dir: 'asc' });
    expect(readFilters(new URLSearchParams('sort=instances')).sort.key).toBe('instances');
  });

  it('round-trips any filter state (values with spaces, &, = and unicode included)', () => {
    const text = fc.string({ minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(
        fc.record({
          clusters: fc.uniqueArray(text, { maxLength: 4 }),
          namespaces: fc.uniqueArray(text, { maxLength: 4 }),
          types: fc.subarray(['container', 'linux-service'] as const),
          coverage: fc.subarray(['covered', 'uncovered'] as const),
          q: fc.string({ maxLength: 10 }),
          group: fc.constantFrom('image' as const, 'none' as const),
          dir: fc.constantFrom('asc' as const, 'desc' as const),
        }),
        ({ dir, ...r }) => {
          const f: FingerprintFilters = { ...r, types: [...r.types], coverage: [...r.coverage], sort: { key: 'latest', dir } };
          const back = readFilters(new URLSearchParams(writeFilters(f).toString()));
          expect(back).toEqual({ ...f, clusters: [...f.clusters].sort(), namespaces: [...f.namespaces].sort(), types: [...f.types].sort(), coverage: [...f.coverage].sort() });
        },
      ),
    );
  });

  it('knows when filters are active and clears them, keeping view and sort', () => {
    const f = readFilters(new URLSearchParams('cluster=a&group=none&sort=latest'));
    expect(hasActiveFilters(f)).toBe(true);
    const c = clearFilters(f);
    expect(hasActiveFilters(c)).toBe(false);
    expect([c.group, c.sort.key]).toEqual(['none', 'latest']);
  });
});

describe('buildPolicyHref', () => {
  it('lists ids comma-separated, each encoded', () => {
    const href = buildPolicyHref(['fprint:abc', 'fprint:d,e']);
    expect(href).toBe('/policies/new?fingerprints=fprint%3Aabc,fprint%3Ad%2Ce');
    expect(new URL(href, 'http://x').searchParams.get('fingerprints')?.split(',')[0]).toBe('fprint:abc');
  });
});
