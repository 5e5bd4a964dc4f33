/** Small valid objects of every kind, freshly built on each call, and edit helpers. */
import type {
  ClusterPolicy,
  FingerprintGroup,
  GuardianDeviation,
  SpyderbatBaseline,
  SpyderbatFingerprint,
  SpyderbatRuleset,
  WorkloadPolicy,
} from '../../model/types.ts';
import { parsePath } from '../../yaml/path.ts';

/** A deep copy of `obj` with the value at `path` replaced (undefined deletes it). */
export function edit(obj: object, path: string, value: unknown): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(obj)) as Record<string, unknown>;
  const segs = parsePath(path);
  let cur: Record<PropertyKey, unknown> = copy;
  for (const seg of segs.slice(0, -1)) {
    const next = cur[seg];
    if (next === null || typeof next !== 'object') throw new Error(`edit: no object at ${String(seg)} of ${path}`);
    cur = next as Record<PropertyKey, unknown>;
  }
  const last = segs[segs.length - 1] ?? '';
  if (value === undefined) delete cur[last];
  else cur[last] = value;
  return copy;
}

export function validPolicy(): WorkloadPolicy {
  return {
    apiVersion: 'spyderbat/v1',
    kind: 'SpyderbatPolicy',
    metadata: { name: 'web', type: 'container' },
    spec: {
      containerSelector: { image: 'python_webserver:*' },
      mode: 'audit',
      processPolicy: [
        {
          name: 'sh',
          exe: ['/bin/dash'],
          id: 'sh_0',
          euser: ['root'],
          children: [{ name: 'python', exe: ['/usr/local/bin/python3.7'], id: 'python_0' }],
        },
      ],
      networkPolicy: {
        ingress: [
          { from: [{ ipBlock: { cidr: '192.168.0.0/16' } }], processes: ['python_0'], ports: [{ protocol: 'TCP', port: 8080 }] },
        ],
        egress: [
          { to: [{ dnsSelector: ['mongodb.svc.cluster.local'] }], processes: ['python_0'], ports: [{ protocol: 'TCP', port: 27017 }] },
        ],
      },
      response: { default: [{ makeRedFlag: { severity: 'high' } }], actions: [] },
    },
  };
}

export function validFingerprint(): SpyderbatFingerprint {
  const p = validPolicy();
  return {
    apiVersion: 'spyderbat/v1',
    kind: 'SpyderbatFingerprint',
    metadata: { name: 'fp', type: 'container', cluster_name: 'demo', containerName: 'c1', namespace: 'default' },
    spec: { containerSelector: p.spec.containerSelector, processPolicy: p.spec.processPolicy, networkPolicy: p.spec.networkPolicy },
  };
}

export function validBaseline(): SpyderbatBaseline {
  return { ...validFingerprint(), kind: 'SpyderbatBaseline', metadata: { name: 'b', type: 'container' } };
}

export function validServicePolicy(): WorkloadPolicy {
  const p = validPolicy();
  delete p.spec.containerSelector;
  p.metadata.type = 'linux-service';
  p.spec.serviceSelector = { cgroup: 'systemd:/system.slice/nginx.service' };
  return p;
}

export function validClusterPolicy(): ClusterPolicy {
  return {
    apiVersion: 'spyderbat/v1',
    kind: 'SpyderbatPolicy',
    metadata: { name: 'cluster-pol', type: 'cluster' },
    spec: {
      clusterSelector: { matchFields: { name: 'demo-cluster' } },
      mode: 'enforce',
      rulesets: ['demo_ruleset'],
      response: { default: [{ makeRedFlag: { severity: 'high' } }], actions: [] },
    },
  };
}

export function validRuleset(): SpyderbatRuleset {
  return {
    apiVersion: 'spyderbat/v1',
    kind: 'SpyderbatRuleset',
    metadata: { name: 'demo_ruleset', type: 'cluster' },
    spec: {
      rules: [
        { target: 'container::image', verb: 'allow', values: ['docker.io/library/nginx:*'], namespaceSelector: { matchLabels: { env: 'prod' } } },
        { target: 'process::exe', verb: 'deny', values: ['/bin/nc'] },
      ],
    },
  };
}

export function validGroup(): FingerprintGroup {
  const a = validFingerprint();
  const b = validFingerprint();
  return {
    apiVersion: 'spyderbat/v1',
    kind: 'FingerprintGroup',
    metadata: { image: 'python_webserver:1', firstTimestamp: 1, latestTimestamp: 2 },
    data: { fingerprints: [a, b], containerNames: ['c1'], machines: ['m1'] },
  };
}

export function validDeviation(): GuardianDeviation {
  return {
    apiVersion: 'spyderbat/v1',
    kind: 'GuardianDeviation',
    metadata: { type: 'container', policy_uid: 'pol:abc', checksum: 'abc123', uid: 'dev:1' },
    spec: {
      processPolicy: [
        { policyNode: { id: 'sh_0', children: [{ name: 'curl', exe: ['/usr/bin/curl'], id: 'curl_0' }] } },
        { name: 'bash', exe: ['/bin/bash'], id: 'bash_0', euser: ['root'] },
      ],
      networkPolicy: {
        egress: [{ to: [{ dnsSelector: ['example.com'] }], processes: ['curl_0'], ports: [{ protocol: 'TCP', port: 443 }] }],
      },
    },
  };
}
