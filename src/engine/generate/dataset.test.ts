import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateObject } from '../validate/index.ts';
import { findDeviations } from '../spyderbat/index.ts';
import type { ClusterPolicy, SpyderbatPolicy, WorkloadPolicy } from '../model/types.ts';
import { datasetSizes, generateDataset } from './dataset.ts';
import { localClock } from './rhythm.ts';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

const NOW = 1_795_176_000; // 2026-11-20T12:00:00Z
const ds = generateDataset({ seed: 42, now: NOW });

const status = (p: SpyderbatPolicy): string => (p.spec.enabled === false ? 'Disabled' : p.spec.mode === 'enforce' ? 'Enforcing' : 'Auditing');

describe('generateDataset', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const again = generateDataset({ seed: 42, now: NOW });
    expect(JSON.stringify(again)).toBe(JSON.stringify(ds));
    const other = generateDataset({ seed: 43, now: NOW });
    expect(other.policies.map((p) => p.metadata.uid)).not.toEqual(ds.policies.map((p) => p.metadata.uid));
  });

  it('builds an org of 3 clusters (EKS, on-prem Kubernetes, Linux fleet) and about forty namespaces', () => {
    expect(ds.clusters.map((c) => c.platform)).toEqual(['eks', 'kubernetes', 'linux']);
    expect(ds.namespaces.length).toBeGreaterThanOrEqual(35);
    expect(ds.namespaces.length).toBeLessThanOrEqual(45);
    expect(ds.machines.filter((m) => m.clusterUid === ds.clusters[2]?.uid).length).toBeGreaterThan(15);
  });

  it('has the expected sizes at scale 1 and for large orgs', () => {
    expect(ds.fingerprints).toHaveLength(500);
    expect(ds.policies).toHaveLength(30);
    expect(ds.deviationEvents).toHaveLength(2500);
    expect(datasetSizes(100)).toEqual({ fingerprints: 50_000, policies: 5_000, deviationEvents: 1_000_000 });
    const two = generateDataset({ seed: 1, scale: 2, now: NOW });
    expect([two.fingerprints.length, two.policies.length, two.deviationEvents.length]).toEqual([1000, 100, 20_000]);
    expect(two.clusters.length).toBeGreaterThan(3);
  });

  it('runs the workloads a real org runs', () => {
    const images = new Set(ds.fingerprints.map((f) => str(f.metadata.image).split(':')[0]));
    for (const repo of ['docker.io/library/nginx', 'ghcr.io/acme/orders-api', 'docker.io/library/mongo', 'docker.io/library/redis', 'docker.io/library/postgres', 'ghcr.io/acme/web-frontend', 'ghcr.io/acme/billing-service', 'registry.k8s.io/coredns/coredns', 'registry.k8s.io/kube-proxy', 'registry.k8s.io/sig-storage/csi-node-driver-registrar']) {
      expect(images, repo).toContain(repo);
    }
    const cgroups = new Set(ds.fingerprints.map((f) => f.spec.serviceSelector?.cgroup).filter(Boolean));
    for (const unit of ['ssh.service', 'cron.service', 'systemd-resolved.service', 'nginx.service']) expect(cgroups).toContain(`systemd:/system.slice/${unit}`);
  });

  it('varies replicas realistically: image tags, peers in the same /24, DNS egress', () => {
    const tags = new Map<string, Set<string>>();
    for (const f of ds.fingerprints) {
      const [repo, tag] = str(f.metadata.image).split(':');
      if (repo && tag) tags.set(repo, (tags.get(repo) ?? new Set()).add(tag));
    }
    expect([...tags.values()].filter((t) => t.size > 1).length).toBeGreaterThan(5);
    const peersOf = (i: number): string[] => (ds.fingerprints[i]?.spec.networkPolicy.ingress ?? []).flatMap((r) => r.from.flatMap((p) => ('ipBlock' in p ? [p.ipBlock.cidr] : [])));
    const byWorkload = new Map<string, number[]>();
    ds.fingerprints.forEach((f, i) => {
      const k = `${String(f.metadata.cluster_name)}/${String(f.metadata.namespace)}/${String(f.metadata.containerName)}`;
      byWorkload.set(k, [...(byWorkload.get(k) ?? []), i]);
    });
    const subnet = (cidr: string): string => cidr.split('.').slice(0, 3).join('.');
    let differentSameSubnet = 0;
    for (const idx of byWorkload.values()) {
      const [a, b] = idx.map(peersOf);
      if (!a?.length || !b?.length) continue;
      if (a.join() !== b.join() && a.some((x) => b.map(subnet).includes(subnet(x)))) differentSameSubnet++;
    }
    expect(differentSameSubnet).toBeGreaterThan(10);
    expect(ds.fingerprints.some((f) => f.spec.networkPolicy.egress.some((r) => r.to.some((p) => 'dnsSelector' in p)))).toBe(true);
  });

  it('has ~30 policies of all three types and statuses, and 2 cluster policies with their rulesets', () => {
    expect(new Set(ds.policies.map((p) => p.metadata.type))).toEqual(new Set(['container', 'linux-service', 'cluster']));
    for (const type of ['container', 'linux-service'] as const) {
      expect(new Set(ds.policies.filter((p) => p.metadata.type === type).map(status)), type).toEqual(new Set(['Auditing', 'Enforcing', 'Disabled']));
    }
    const cluster = ds.policies.filter((p): p is ClusterPolicy => p.metadata.type === 'cluster');
    expect(cluster).toHaveLength(2);
    expect(cluster.flatMap((p) => p.spec.rulesets).sort()).toEqual(ds.rulesets.map((r) => r.metadata.name).sort());
    expect(new Set(ds.policies.map((p) => p.metadata.uid)).size).toBe(30);
  });

  it('produces objects the engine validates', () => {
    const objects = [...ds.policies, ...ds.rulesets, ...ds.fingerprints, ...ds.deviations.map((d) => d.deviation)];
    const errors = objects.flatMap((o) => validateObject(o).filter((d) => d.severity === 'error').map((d) => `${o.kind} ${str(o.metadata.name) || str(o.metadata.uid)}: ${d.path} ${d.message}`));
    expect(errors).toEqual([]);
  });

  it('only seeds process deviations the engine also finds in the fingerprints', () => {
    const byUid = new Map(ds.policies.map((p) => [p.metadata.uid, p]));
    let checked = 0;
    for (const def of ds.deviations) {
      const policy = byUid.get(def.policyUid);
      const entry = def.deviation.spec.processPolicy?.[0];
      if (!policy || policy.metadata.type === 'cluster' || !entry || ('policyNode' in entry && entry.policyNode.children.length === 0)) continue;
      const name = 'policyNode' in entry ? entry.policyNode.children[0]?.name : entry.name;
      const found = findDeviations(policy as WorkloadPolicy, ds.fingerprints);
      const names = found.flatMap((f) => f.items.flatMap((it) => (it.kind === 'process' ? [it.node.name] : [])));
      expect(names, `${def.policyName}: ${def.description}`).toContain(name);
      checked++;
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('spreads events over 30 days with a working-week rhythm and incident bursts', () => {
    const start = NOW - 30 * 86400;
    expect(ds.deviationEvents.every((e, i) => e.time >= start && e.time < NOW && (i === 0 || (ds.deviationEvents[i - 1]?.time ?? 0) <= e.time))).toBe(true);
    const perDay = new Map<number, number>();
    let weekday = 0;
    let weekend = 0;
    let day = 0;
    let night = 0;
    for (const e of ds.deviationEvents) {
      const d = Math.floor((e.time - start) / 86400);
      perDay.set(d, (perDay.get(d) ?? 0) + 1);
      const c = localClock(e.time);
      if (c.weekday === 0 || c.weekday === 6) weekend++;
      else weekday++;
      if (c.hour >= 9 && c.hour < 18) day++;
      else if (c.hour < 6) night++;
    }
    expect(weekday / 5).toBeGreaterThan((weekend / 2) * 1.5);
    expect(day / 9).toBeGreaterThan((night / 6) * 2);
    const counts = [...perDay.values()].sort((a, b) => a - b);
    const median = counts[Math.floor(counts.length / 2)] ?? 0;
    expect(counts[counts.length - 1]).toBeGreaterThan(median * 1.8);
    expect(ds.redFlags.some((f) => f.severity === 'critical')).toBe(true);
    expect(ds.redFlags.every((f, i) => i === 0 || (ds.redFlags[i - 1]?.time ?? 0) <= f.time)).toBe(true);
  });

  it('uses no ambient randomness or clock (pure given seed and now)', () => {
    const dir = fileURLToPath(new URL('.', import.meta.url));
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))) {
      const src = readFileSync(`${dir}/${f}`, 'utf8');
      expect(src, f).not.toMatch(/Math\.random|Date\.now|new Date\(\)|performance\.now|from 'node:/);
    }
  });
});
