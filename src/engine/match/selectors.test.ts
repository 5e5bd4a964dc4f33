import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { MatchExpression, WorkloadIdentity } from '../model/types.ts';
import { compileSelectors, matchesSelectors } from './selectors.ts';
import type { SelectorSet } from './selectors.ts';

const nginx: WorkloadIdentity = {
  type: 'container',
  cluster: { name: 'demo_cluster', uid: 'clus:abc' },
  machine: { hostname: 'node-1', uid: 'mach:1', sourceName: 'src-1' },
  namespaceLabels: { 'kubernetes.io/metadata.name': 'default', team: 'web' },
  podLabels: { run: 'latencytest2', env: 'dev' },
  container: {
    image: 'docker.io/library/nginx:latest',
    imageID: 'sha256:10d1',
    containerName: 'latencytest2',
    containerID: 'c0ffee',
  },
};

const service: WorkloadIdentity = {
  type: 'linux-service',
  machine: { hostname: 'db-7' },
  service: { cgroup: 'systemd:/system.slice/nginx.service', name: 'nginx.service' },
};

const expr = (key: string, operator: MatchExpression['operator'], values?: string[]): MatchExpression =>
  values === undefined ? { key, operator } : { key, operator, values };

describe('matchesSelectors: plain fields, matchFields, matchLabels', () => {
  it.each<[string, SelectorSet, boolean]>([
    ['exact image', { containerSelector: { image: 'docker.io/library/nginx:latest' } }, true],
    ['other image', { containerSelector: { image: 'docker.io/library/nginx:1.25' } }, false],
    ['image glob *', { containerSelector: { image: 'docker.io/library/nginx:*' } }, true],
    ['image glob crosses /', { containerSelector: { image: 'docker.io/*' } }, true],
    ['image glob ?', { containerSelector: { image: 'docker.io/library/ngin?:latest' } }, true],
    ['image glob [set]', { containerSelector: { image: 'docker.io/library/[mn]ginx:latest' } }, true],
    ['image glob [!set]', { containerSelector: { image: 'docker.io/library/[!n]ginx:latest' } }, false],
    ['glob is anchored', { containerSelector: { image: 'nginx:*' } }, false],
    ['case-sensitive', { containerSelector: { image: 'DOCKER.IO/library/nginx:latest' } }, false],
    ['imageID', { containerSelector: { imageID: 'sha256:10d1' } }, true],
    ['containerName + containerID', { containerSelector: { containerName: 'latency*', containerID: 'c0ffee' } }, true],
    ['one field fails ⇒ all fail', { containerSelector: { containerName: 'latency*', containerID: 'beef' } }, false],
    ['matchFields image', { containerSelector: { matchFields: { image: 'docker.io/library/nginx:latest' } } }, true],
    ['matchFields containerName glob', { containerSelector: { matchFields: { containerName: '*test2' } } }, true],
    ['namespace matchLabels', { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'default' } } }, true],
    ['namespace matchLabels all pairs', { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'default', team: 'db' } } }, false],
    ['pod matchLabels glob value', { podSelector: { matchLabels: { run: 'latency*' } } }, true],
    ['pod label missing', { podSelector: { matchLabels: { app: 'x' } } }, false],
    ['cluster name', { clusterSelector: { matchFields: { name: 'demo_cluster' } } }, true],
    ['cluster uid', { clusterSelector: { matchFields: { uid: 'clus:xyz' } } }, false],
    ['machine hostname string', { machineSelector: { hostname: 'node-*' } }, true],
    ['machine hostname list', { machineSelector: { hostname: ['node-9', 'node-1'] } }, true],
    ['machine hostname list miss', { machineSelector: { hostname: ['node-9', 'node-2'] } }, false],
    ['machineUID list', { machineSelector: { machineUID: ['mach:0', 'mach:1'] } }, true],
    ['machine matchFields uid + sourceName', { machineSelector: { matchFields: { uid: 'mach:1', sourceName: 'src-*' } } }, true],
    ['all selectors ANDed', {
      clusterSelector: { matchFields: { name: 'demo_*' } },
      namespaceSelector: { matchLabels: { team: 'web' } },
      podSelector: { matchLabels: { env: 'dev' } },
      containerSelector: { image: '*nginx*' },
    }, true],
    ['all selectors ANDed, one fails', {
      namespaceSelector: { matchLabels: { team: 'web' } },
      podSelector: { matchLabels: { env: 'prod' } },
      containerSelector: { image: '*nginx*' },
    }, false],
    ['no selectors at all match everything', {}, true],
  ])('%s', (_name, selectors, expected) => {
    expect(matchesSelectors(selectors, nginx)).toBe(expected);
  });

  it('service selectors: cgroup (plain and glob) and matchFields name', () => {
    expect(matchesSelectors({ serviceSelector: { cgroup: 'systemd:/system.slice/nginx.service' } }, service)).toBe(true);
    expect(matchesSelectors({ serviceSelector: { cgroup: 'systemd:/system.slice/*' } }, service)).toBe(true);
    expect(matchesSelectors({ serviceSelector: { cgroup: 'systemd:/user.slice/*' } }, service)).toBe(false);
    expect(matchesSelectors({ serviceSelector: { matchFields: { name: 'nginx.service' } } }, service)).toBe(true);
    expect(matchesSelectors({ serviceSelector: { matchFields: { name: 'sshd.service' } } }, service)).toBe(false);
  });
});

describe('matchesSelectors: expressions', () => {
  const ns = (...e: MatchExpression[]): SelectorSet => ({ namespaceSelector: { matchExpressions: e } });
  const cf = (...e: MatchExpression[]): SelectorSet => ({ containerSelector: { matchFieldsExpressions: e } });

  it.each<[string, SelectorSet, boolean]>([
    ['In: any value matches', ns(expr('team', 'In', ['db', 'web'])), true],
    ['In: no value matches', ns(expr('team', 'In', ['db', 'ops'])), false],
    ['In: glob value', ns(expr('team', 'In', ['w*'])), true],
    ['In: absent key', ns(expr('tier', 'In', ['web'])), false],
    ['NotIn: value matches ⇒ false', ns(expr('team', 'NotIn', ['web'])), false],
    ['NotIn: glob matches ⇒ false', ns(expr('team', 'NotIn', ['?eb'])), false],
    ['NotIn: nothing matches ⇒ true', ns(expr('team', 'NotIn', ['db'])), true],
    ['NotIn: absent key ⇒ true', ns(expr('tier', 'NotIn', ['web'])), true],
    ['Exists: present', ns(expr('team', 'Exists')), true],
    ['Exists: absent', ns(expr('tier', 'Exists')), false],
    ['DoesNotExist: present', ns(expr('team', 'DoesNotExist')), false],
    ['DoesNotExist: absent', ns(expr('tier', 'DoesNotExist')), true],
    ['expressions ANDed', ns(expr('team', 'In', ['web']), expr('tier', 'DoesNotExist')), true],
    ['expressions ANDed, one fails', ns(expr('team', 'In', ['web']), expr('team', 'NotIn', ['web'])), false],
    ['matchLabels and matchExpressions ANDed', {
      namespaceSelector: { matchLabels: { team: 'web' }, matchExpressions: [expr('kubernetes.io/metadata.name', 'In', ['kube-system'])] },
    }, false],
    ['field expression In', cf(expr('image', 'In', ['docker.io/library/nginx:*'])), true],
    ['field expression NotIn', cf(expr('containerName', 'NotIn', ['latency*'])), false],
    ['field expression Exists', cf(expr('containerID', 'Exists')), true],
    ['field expression on unknown field is absent', cf(expr('nope', 'Exists')), false],
    ['prototype keys are not labels', ns(expr('constructor', 'Exists')), false],
  ])('%s', (_name, selectors, expected) => {
    expect(matchesSelectors(selectors, nginx)).toBe(expected);
  });

  it('cluster matchFieldsExpressions', () => {
    const sel: SelectorSet = { clusterSelector: { matchFieldsExpressions: [expr('name', 'NotIn', ['prod-*'])] } };
    expect(matchesSelectors(sel, nginx)).toBe(true);
    expect(matchesSelectors(sel, { ...nginx, cluster: { name: 'prod-eu' } })).toBe(false);
  });
});

describe('matchesSelectors: absent identity parts', () => {
  it('a selector whose identity side is absent does not match, even with only NotIn', () => {
    expect(matchesSelectors({ namespaceSelector: { matchLabels: { a: 'b' } } }, service)).toBe(false);
    expect(matchesSelectors({ namespaceSelector: { matchExpressions: [expr('a', 'NotIn', ['b'])] } }, service)).toBe(false);
    expect(matchesSelectors({ podSelector: { matchExpressions: [expr('a', 'DoesNotExist')] } }, service)).toBe(false);
    expect(matchesSelectors({ clusterSelector: { matchFields: { name: 'x' } } }, service)).toBe(false);
    expect(matchesSelectors({ containerSelector: { image: '*' } }, service)).toBe(false);
    expect(matchesSelectors({ serviceSelector: { cgroup: '*' } }, nginx)).toBe(false);
  });

  it('a present but empty selector matches nothing', () => {
    expect(matchesSelectors({ podSelector: {} }, nginx)).toBe(false);
    expect(matchesSelectors({ containerSelector: {} }, nginx)).toBe(false);
  });

  it('a field missing from a present scope: In fails, NotIn holds', () => {
    const bare: WorkloadIdentity = { type: 'container', container: { image: 'a' } };
    expect(matchesSelectors({ containerSelector: { containerName: 'x' } }, bare)).toBe(false);
    expect(matchesSelectors({ containerSelector: { matchFieldsExpressions: [expr('containerName', 'NotIn', ['x'])] } }, bare)).toBe(true);
  });
});

describe('processSelector', () => {
  const proc = { name: 'python3.11', exe: '/usr/local/bin/python3.11', euser: 'app' };

  it('matches name / exe / euser lists with globs', () => {
    expect(matchesSelectors({ processSelector: { name: ['python3.*'] } }, nginx, proc)).toBe(true);
    expect(matchesSelectors({ processSelector: { exe: ['/bin/sh', '/usr/local/bin/*'], euser: ['app'] } }, nginx, proc)).toBe(true);
    expect(matchesSelectors({ processSelector: { euser: ['root'] } }, nginx, proc)).toBe(false);
    expect(matchesSelectors({ processSelector: { matchFields: { name: 'python3.11' } } }, nginx, proc)).toBe(true);
  });

  it('does not match without a process', () => {
    expect(matchesSelectors({ processSelector: { name: ['*'] } }, nginx)).toBe(false);
  });

  it('combines with workload selectors', () => {
    const sel: SelectorSet = { podSelector: { matchLabels: { env: 'dev' } }, processSelector: { name: ['python*'] } };
    expect(matchesSelectors(sel, nginx, proc)).toBe(true);
    expect(matchesSelectors(sel, { ...nginx, podLabels: { env: 'prod' } }, proc)).toBe(false);
  });
});

describe('compileSelectors', () => {
  it('agrees with matchesSelectors on random label selectors and identities', () => {
    const key = fc.constantFrom('a', 'b', 'c');
    const value = fc.constantFrom('x', 'y', 'xy', 'x*', '?', '[xy]', '[!x]');
    const labelMap = fc.dictionary(key, fc.constantFrom('x', 'y', 'xy', 'z'), { maxKeys: 3 });
    const expression = fc.record({
      key,
      operator: fc.constantFrom<MatchExpression['operator']>('In', 'NotIn', 'Exists', 'DoesNotExist'),
      values: fc.array(value, { minLength: 1, maxLength: 3 }),
    }).map((e): MatchExpression => (e.operator === 'Exists' || e.operator === 'DoesNotExist' ? { key: e.key, operator: e.operator } : e));
    fc.assert(
      fc.property(fc.array(expression, { minLength: 1, maxLength: 4 }), fc.option(labelMap, { nil: undefined }), (exprs, labels) => {
        const sel: SelectorSet = { podSelector: { matchExpressions: exprs } };
        const id: WorkloadIdentity = labels === undefined ? { type: 'container' } : { type: 'container', podLabels: labels };
        const compiled = compileSelectors(sel);
        expect(compiled(id)).toBe(matchesSelectors(sel, id));
        // Reference semantics, written independently.
        const glob = (v: string, p: string): boolean =>
          new RegExp(`^${p.replace(/\*/g, '.*').replace(/\?/g, '.').replace(/\[!/g, '[^')}$`, 's').test(v);
        const expected =
          labels !== undefined &&
          exprs.every((e) => {
            const v = Object.hasOwn(labels, e.key) ? labels[e.key] : undefined;
            const hit = v !== undefined && (e.values ?? []).some((p) => glob(v, p));
            if (e.operator === 'In') return hit;
            if (e.operator === 'NotIn') return !hit;
            if (e.operator === 'Exists') return v !== undefined;
            return v === undefined;
          });
        expect(compiled(id)).toBe(expected);
      }),
    );
  });
});
