import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../evaluate/types.ts';
import type { SpyderbatFingerprint } from '../model/types.ts';
import { prepareDataset } from './dataset.ts';
import { previewPolicy, previewPolicySteps } from './preview.ts';
import type { PreviewStep } from './types.ts';

const text = (name: string): string => readFileSync(new URL(`../__fixtures__/preview/${name}`, import.meta.url), 'utf8');
const load = (name: string): SpyderbatFingerprint => parse(text(name)) as SpyderbatFingerprint;

const nginx = load('nginx-fingerprint.yaml');
const nginxNewPeer = load('nginx-fingerprint-new-peer.yaml');
const redis: SpyderbatFingerprint = {
  ...nginx,
  metadata: { ...nginx.metadata, name: 'redis:7', containerName: 'cache' },
  spec: { ...nginx.spec, containerSelector: { image: 'docker.io/library/redis:7' } },
};
const nginxPolicy = text('nginx-policy.yaml');

const workload = {
  type: 'container',
  container: { image: 'docker.io/library/nginx:latest', containerName: 'web-9' },
  namespaceLabels: { 'kubernetes.io/metadata.name': 'default' },
  podLabels: { run: 'latencytest2' },
} as const;
const nginxChain = [{ name: 'nginx', exe: '/usr/sbin/nginx', euser: 'root' }];
const events: EngineEvent[] = [
  { time: 1, workload, kind: 'process', process: { chain: nginxChain } },
  { time: 2, workload, kind: 'process', process: { chain: [...nginxChain, { name: 'sh', exe: '/bin/sh', euser: 'root' }] } },
  {
    time: 3,
    workload,
    kind: 'connection',
    process: { chain: [...nginxChain, { name: 'nginx', exe: '/usr/sbin/nginx', euser: 'systemd-resolve' }] },
    connection: { direction: 'egress', ip: '8.8.8.8', port: 53, protocol: 'UDP' },
  },
  { time: 4, workload: { type: 'container', container: { image: 'other:1' } }, kind: 'process', process: { chain: nginxChain } },
];

describe('previewPolicy: scope and deviations', () => {
  it('covers the nginx fingerprints only, and groups the new peer as an ingress deviation', () => {
    const r = previewPolicy(nginxPolicy, { fingerprints: [nginx, redis, nginxNewPeer] });
    expect(r.errorCount).toBe(0);
    expect(r.policy).toMatchObject({ name: 'nginx-policy', type: 'container', mode: 'audit', enabled: true });
    expect(r.scope).toMatchObject({ count: 2, total: 3 });
    expect(r.scope?.sample.map((s) => s.index)).toEqual([0, 2]);
    expect(r.deviations?.fingerprints).toBe(1);
    const [g] = r.deviations?.groups ?? [];
    expect(g).toMatchObject({ source: 'fingerprint', total: 1, workload: { index: 2 } });
    expect(g?.kinds).toEqual([{ kind: 'ingress', count: 1, samples: ['from 192.168.92.9/32:443/TCP by nginx_1'] }]);
  });

  it('groups deviating events by workload and kind, and counts event workloads in scope', () => {
    const r = previewPolicy(nginxPolicy, { fingerprints: [nginx], events });
    expect(r.deviations?.events).toBe(2);
    const g = r.deviations?.groups.find((x) => x.source === 'events');
    expect(g?.workload.label).toBe('web-9 · docker.io/library/nginx:latest · default');
    expect(g?.kinds.map((k) => [k.kind, k.count])).toEqual([
      ['process', 1],
      ['egress', 1],
    ]);
    expect(g?.kinds[0]?.samples[0]).toBe('sh (/bin/sh, root) under nginx');
    expect(r.scope?.eventWorkloads).toBe(1);
    expect(r.coverage?.sources).toEqual({ fingerprintActivities: 5, events: 3 });
  });

  it('gives the same result for a prepared data set', () => {
    const input = { fingerprints: [{ apiVersion: 'spyderbat/v1', items: [nginx, nginxNewPeer] }], events };
    expect(previewPolicy(nginxPolicy, prepareDataset(input))).toEqual(previewPolicy(nginxPolicy, input));
  });
});

describe('previewPolicy: rule coverage', () => {
  const withExtras = nginxPolicy
    .replace('    egress: []\n', '    egress:\n    - to:\n      - ipBlock:\n          cidr: 203.0.113.0/24\n      ports:\n      - port: 443\n        protocol: TCP\n')
    .replace('      id: nginx_1\n', '      id: nginx_1\n    - name: bash\n      exe:\n      - /bin/bash\n      id: bash_0\n');

  it('counts matches per node and rule, and lists dead ones', () => {
    const r = previewPolicy(withExtras, { fingerprints: [nginx, nginxNewPeer] });
    expect(r.errorCount).toBe(0);
    const counts = Object.fromEntries((r.coverage?.processNodes ?? []).map((n) => [n.id, n.count]));
    expect(counts).toEqual({ nginx_0: 4, nginx_1: 2, bash_0: 0 });
    expect(r.coverage?.ingress).toEqual([{ index: 0, path: 'spec.networkPolicy.ingress[0]', count: 5 }]);
    expect(r.coverage?.dead).toEqual({ processNodes: ['bash_0'], ingress: [], egress: [0] });
  });

  it('flags too-broad rules with their paths', () => {
    const broad = nginxPolicy
      .replace('      - /usr/sbin/nginx\n      euser', '      - /*\n      euser')
      .replace('cidr: 192.168.29.43/32', 'cidr: 0.0.0.0/0')
      .replace('    egress: []\n', "    egress:\n    - to:\n      - dnsSelector:\n        - '*.com'\n      ports:\n      - port: 1\n        endPort: 65535\n        protocol: TCP\n");
    const r = previewPolicy(broad, { fingerprints: [nginx] });
    expect(r.errorCount).toBe(0);
    expect(r.coverage?.tooBroad.map((b) => b.path)).toEqual([
      'spec.processPolicy[0].children[0].exe[0]',
      'spec.networkPolicy.ingress[0].from[0].ipBlock.cidr',
      'spec.networkPolicy.egress[0].to[0].dnsSelector[0]',
      'spec.networkPolicy.egress[0].ports[0]',
    ]);
  });
});

describe('previewPolicy: drafts with problems', () => {
  it('reports a YAML syntax error with its line and previews nothing', () => {
    const r = previewPolicy('apiVersion: spyderbat/v1\nkind: [oops\n', { fingerprints: [nginx] });
    expect(r.errorCount).toBeGreaterThan(0);
    expect(r.diagnostics[0]?.line).toBeGreaterThan(0);
    expect(r.policy).toBeNull();
    expect(r.scope).toBeNull();
    expect(r.notes.join(' ')).toContain('No SpyderbatPolicy');
  });

  it('still computes scope and coverage for a draft with a schema error', () => {
    const bad = nginxPolicy.replace('protocol: TCP', 'protocol: tcp');
    const r = previewPolicy(bad, { fingerprints: [nginx] });
    const line = bad.split('\n').findIndex((l) => l.includes('protocol: tcp')) + 1;
    expect(r.diagnostics.some((d) => d.severity === 'error' && d.line === line)).toBe(true);
    expect(r.scope?.count).toBe(1);
    expect(r.coverage).not.toBeNull();
    expect(r.notes.join(' ')).toContain('valid draft');
  });

  it('previews a disabled draft as if enabled, and says so', () => {
    const r = previewPolicy(nginxPolicy.replace('  mode: audit\n', '  mode: audit\n  enabled: false\n'), { fingerprints: [nginxNewPeer] });
    expect(r.policy?.enabled).toBe(false);
    expect(r.deviations?.fingerprints).toBe(1);
    expect(r.actions?.text).toMatch(/^Disabled/);
    expect(r.notes.join(' ')).toContain('disabled');
  });

  it('leaves deviations and coverage out for a cluster policy', () => {
    const cluster = [
      'apiVersion: spyderbat/v1',
      'kind: SpyderbatPolicy',
      'metadata:',
      '  name: c',
      '  type: cluster',
      'spec:',
      '  clusterSelector:',
      '    matchFields:',
      '      name: demo_cluster',
      '  mode: audit',
      '  rulesets: []',
      '  response:',
      '    default: []',
      '    actions: []',
      '',
    ].join('\n');
    const r = previewPolicy(cluster, { fingerprints: [nginx, redis] });
    expect(r.scope?.count).toBe(2);
    expect(r.deviations).toBeNull();
    expect(r.notes.join(' ')).toContain('rulesets');
  });
});

describe('previewPolicy: response actions', () => {
  it('tells which workloads get the scoped actions and which the default', () => {
    const web = (name: string, env: string): SpyderbatFingerprint => ({
      apiVersion: 'spyderbat/v1',
      kind: 'SpyderbatFingerprint',
      metadata: { name: 'python_webserver:1.2', type: 'container', containerName: name },
      spec: {
        containerSelector: { image: 'python_webserver:1.2' },
        podSelector: { matchLabels: { env } },
        processPolicy: [],
        networkPolicy: { ingress: [], egress: [] },
      },
    });
    const r = previewPolicy(text('webserver-policy.yaml'), { fingerprints: [web('a', 'dev'), web('b', 'prod'), web('c', 'prod')] });
    expect(r.scope?.count).toBe(3);
    expect(r.actions?.outcomes).toEqual([
      { actions: ['makeRedFlag (high)'], workloads: 2 },
      { actions: ['agentKillProcess', 'makeRedFlag (high)'], workloads: 1 },
    ]);
    expect(r.actions?.text).toContain('Audit mode');
    expect(r.actions?.text).toContain('1 workload: agentKillProcess + makeRedFlag (high)');
  });
});

describe('previewPolicySteps', () => {
  it('reports progress per phase and ends with the same result as previewPolicy', () => {
    const fps = Array.from({ length: 50 }, () => nginx);
    const steps = previewPolicySteps(nginxPolicy, { fingerprints: fps, events }, { chunk: 8 });
    const seen: PreviewStep[] = [];
    let r = steps.next();
    while (r.done !== true) {
      seen.push(r.value);
      r = steps.next();
    }
    expect(new Set(seen.map((s) => s.phase))).toEqual(new Set(['validate', 'scope', 'deviations', 'coverage', 'events']));
    expect(seen.every((s) => s.done <= s.total)).toBe(true);
    expect(seen.filter((s) => s.phase === 'coverage').length).toBe(Math.ceil(50 / 8));
    expect(r.value).toEqual(previewPolicy(nginxPolicy, { fingerprints: fps, events }));
  });
});
