/** Searches through the client: fingerprints, deviations, red flags, audit logs, aggregates. */
import { describe, expect, it } from 'vitest';
import type { WorkloadPolicy } from '../engine/model/types.ts';
import { countOverTime } from '../api/aggregates.ts';
import { listAuditLogs } from '../api/audit-logs.ts';
import { listDeviations, uniqueDeviations } from '../api/deviations.ts';
import { groupFingerprints, listFingerprints } from '../api/fingerprints.ts';
import { createPolicy, listPolicies } from '../api/policies.ts';
import { listRedFlags } from '../api/red-flags.ts';
import { search } from '../api/search.ts';
import { createTestApi, TEST_NOW, useTestClock } from './testing/test-api.ts';

useTestClock();

describe('fingerprints', () => {
  const api = createTestApi();

  it('returns every fingerprint of the last 30 days, both types', async () => {
    const all = await listFingerprints(api.client);
    expect(all).toHaveLength(500);
    const containers = await listFingerprints(api.client, { type: 'container' });
    const services = await listFingerprints(api.client, { type: 'linux-service' });
    expect(containers.length + services.length).toBe(500);
    expect(services.every((f) => f.metadata.type === 'linux-service' && f.spec.serviceSelector?.cgroup)).toBe(true);
  });

  it('filters by namespace and by image glob', async () => {
    const kube = await listFingerprints(api.client, { namespace: 'kube-system' });
    expect(kube.length).toBeGreaterThan(10);
    expect(kube.every((f) => f.metadata.namespace === 'kube-system')).toBe(true);
    const nginx = await listFingerprints(api.client, { image: 'docker.io/library/nginx:*' });
    expect(nginx.length).toBeGreaterThan(0);
    expect(nginx.every((f) => String(f.metadata.image).startsWith('docker.io/library/nginx:'))).toBe(true);
  });

  it('groups fingerprints by image + imageID and by cgroup', async () => {
    const groups = groupFingerprints(await listFingerprints(api.client));
    const total = groups.reduce((n, g) => n + g.data.fingerprints.length, 0);
    expect(total).toBe(500);
    for (const g of groups) {
      const keys = new Set(g.data.fingerprints.map((f) => (f.metadata.type === 'container' ? `${String(f.metadata.image)}|${String(f.metadata.imageID)}` : String(f.spec.serviceSelector?.cgroup))));
      expect(keys.size).toBe(1);
    }
    const ssh = groups.find((g) => g.metadata.cgroup === 'systemd:/system.slice/ssh.service');
    expect(ssh?.data.machines?.length).toBeGreaterThan(5);
  });

  it('polls a running search and follows page tokens', async () => {
    const slow = createTestApi({ searchPendingPolls: 2 });
    const paged = await search(slow.client, { schema: 'model_fingerprint', query: 'metadata.type = "linux-service"', startTime: TEST_NOW - 30 * 86400, endTime: TEST_NOW, outputFields: ['full_json'], pageSize: 7 });
    const single = await search(api.client, { schema: 'model_fingerprint', query: 'metadata.type = "linux-service"', startTime: TEST_NOW - 30 * 86400, endTime: TEST_NOW, outputFields: ['full_json'] });
    expect(paged.length).toBeGreaterThan(14);
    expect(paged).toEqual(single);
  });

  it('reports a bad query as 400', async () => {
    await expect(search(api.client, { schema: 'model_fingerprint', query: 'image = ', startTime: 0, endTime: TEST_NOW })).rejects.toMatchObject({ status: 400 });
  });
});

describe('deviations, red flags, audit logs', () => {
  const api = createTestApi();

  it('deviations of a policy are its own; unique ones are deduplicated by checksum', async () => {
    const all = await listDeviations(api.client, { limit: 100_000 });
    expect(all.length).toBeGreaterThan(1000);
    const busiest = uniqueDeviations(all).sort((a, b) => b.count - a.count)[0];
    const mine = await listDeviations(api.client, { policyUid: busiest?.policyUid ?? '' });
    expect(mine.every((d) => d.policyUid === busiest?.policyUid && d.deviation.kind === 'GuardianDeviation')).toBe(true);
    const unique = uniqueDeviations(mine);
    expect(unique.reduce((n, u) => n + u.count, 0)).toBe(mine.length);
    expect(new Set(unique.map((u) => u.checksum)).size).toBe(unique.length);
    expect(mine[0]?.time).toBeGreaterThanOrEqual(mine[mine.length - 1]?.time ?? 0);
  });

  it('a limited newest-first search returns the newest records (no full sort needed)', async () => {
    const all = await listDeviations(api.client, { limit: 100_000 });
    const sorted = [...all].sort((a, b) => b.time - a.time);
    const top = await listDeviations(api.client, { limit: 50 });
    expect(top.map((d) => d.time)).toEqual(sorted.slice(0, 50).map((d) => d.time));
  });

  it('red flags filter by severity', async () => {
    const critical = await listRedFlags(api.client, { severity: 'critical' });
    expect(critical.length).toBeGreaterThan(0);
    expect(critical.every((f) => f.severity === 'critical')).toBe(true);
  });

  it('policy audit logs hold lifecycle, deviation and action entries, oldest first', async () => {
    const dev = (await listDeviations(api.client))[0];
    const logs = await listAuditLogs(api.client, { policyUid: dev?.policyUid ?? '', days: 120 });
    expect(new Set(logs.map((l) => l.kind))).toEqual(new Set(['policy_change', 'guardian_deviation', 'guardian_action']));
    expect(logs.every((l, i) => i === 0 || (logs[i - 1]?.time ?? 0) <= l.time)).toBe(true);
    expect(logs.find((l) => l.kind === 'guardian_action')?.description).toMatch(/^\((audit|enforce) mode\): /);
  });

  it('time buckets add up to the events in the window', async () => {
    const days = await countOverTime(api.client, { schema: 'event_deviation', days: 30, bucket: 'day' });
    expect(days.length).toBeGreaterThanOrEqual(30);
    const sum = days.reduce((n, b) => n + b.count, 0);
    const records = await listDeviations(api.client, { days: 31, limit: 100_000 });
    expect(sum).toBeLessThanOrEqual(records.length);
    expect(sum).toBeGreaterThan(records.length * 0.95);
    const bySeverity = await countOverTime(api.client, { schema: 'event_redflag', days: 7, bucket: 'hour', splitBy: 'severity' });
    expect(bySeverity).toHaveLength(7 * 24);
    for (const b of bySeverity) expect(Object.values(b.by ?? {}).reduce((n, x) => n + x, 0)).toBe(b.count);
  });
});

describe('deviations computed by the engine', () => {
  it('a new policy that leaves out a process gets deviations from the fingerprints that ran it', async () => {
    const api = createTestApi();
    const fps = await listFingerprints(api.client, { type: 'linux-service' });
    const ssh = fps.find((f) => f.spec.serviceSelector?.cgroup === 'systemd:/system.slice/ssh.service' && JSON.stringify(f.spec.processPolicy).includes('"bash"'));
    if (!ssh) throw new Error('no ssh fingerprint with a shell');
    const tree = structuredClone(ssh.spec.processPolicy);
    const session = tree[0]?.children?.[0];
    if (session) session.children = [];
    const policy: WorkloadPolicy = {
      apiVersion: 'spyderbat/v1',
      kind: 'SpyderbatPolicy',
      metadata: { name: 'ssh-no-shells', type: 'linux-service' },
      spec: { serviceSelector: { cgroup: 'systemd:/system.slice/ssh.service' }, mode: 'audit', processPolicy: tree, networkPolicy: { ingress: [], egress: [] }, response: { default: [{ makeRedFlag: { severity: 'high' } }], actions: [] } },
    };
    const created = await createPolicy(api.client, policy);
    const devs = await listDeviations(api.client, { policyUid: created.metadata.uid ?? '' });
    expect(devs.length).toBeGreaterThan(0);
    expect(devs.some((d) => JSON.stringify(d.deviation.spec.processPolicy).includes('"bash"'))).toBe(true);
    expect(devs.every((d) => d.policyName === 'ssh-no-shells' && d.deviation.metadata.policy_uid === created.metadata.uid)).toBe(true);
  });
});

describe('list sizes', () => {
  it('keeps policy uids unique across creates', async () => {
    const api = createTestApi();
    const base = (await listPolicies(api.client, { type: 'container' }))[0] as WorkloadPolicy;
    const { uid: _u, version: _v, ...metadata } = base.metadata;
    const uids = new Set<string>();
    for (let i = 0; i < 5; i++) uids.add((await createPolicy(api.client, { ...base, metadata: { ...metadata, name: `n${i}` } })).metadata.uid ?? '');
    expect(uids.size).toBe(5);
  });
});
