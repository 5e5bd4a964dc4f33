/** Policies and rulesets through the client: CRUD, validation, versions and conflicts. */
import { describe, expect, it } from 'vitest';
import type { SpyderbatPolicy, WorkloadPolicy } from '../engine/model/types.ts';
import { ConflictError, ValidationError } from '../api/errors.ts';
import { listAuditLogs } from '../api/audit-logs.ts';
import { policyStatus } from '../api/mappers.ts';
import { createPolicy, deletePolicy, getPolicy, listPolicies, listPolicyVersions, updatePolicy } from '../api/policies.ts';
import { listRulesets, updateRuleset } from '../api/rulesets.ts';
import { parseNdjson } from '../api/ndjson.ts';
import { createTestApi, useTestClock } from './testing/test-api.ts';

function draftFrom(p: WorkloadPolicy, name: string): WorkloadPolicy {
  const { uid: _u, version: _v, ...metadata } = p.metadata;
  const copy = structuredClone(p);
  return { ...copy, metadata: { ...metadata, name }, spec: { ...copy.spec, mode: 'audit', enabled: true } };
}

useTestClock();

describe('policy list and get', () => {
  const api = createTestApi();

  it('lists 30 policies of all three types and statuses, as NDJSON pages of {policy}', async () => {
    const all = await listPolicies(api.client);
    expect(all).toHaveLength(30);
    expect(new Set(all.map((p) => p.metadata.type))).toEqual(new Set(['container', 'linux-service', 'cluster']));
    expect(new Set(all.map(policyStatus))).toEqual(new Set(['Auditing', 'Enforcing', 'Disabled']));
    const raw = await api.fetch(new Request('http://mock.test/api/v1/org/acme-demo/analyticspolicy/', { headers: { authorization: 'Bearer palisade-demo-key' } }));
    expect(raw.headers.get('content-type')).toBe('application/x-ndjson');
    const first = JSON.parse((await raw.text()).split('\n')[0] ?? '') as unknown;
    expect(Array.isArray(first) && (first as { policy: unknown }[])[0]?.policy).toBeTruthy();
    expect(parseNdjson(await (await api.fetch(new Request('http://mock.test/api/v1/org/acme-demo/analyticspolicy/', { headers: { authorization: 'Bearer palisade-demo-key' } }))).text())).toHaveLength(30);
  });

  it('filters by type and by name or uid', async () => {
    expect(await listPolicies(api.client, { type: 'cluster' })).toHaveLength(2);
    const svc = await listPolicies(api.client, { type: 'linux-service' });
    expect(svc.length).toBeGreaterThan(4);
    expect(svc.every((p) => p.metadata.type === 'linux-service')).toBe(true);
    const one = svc[0] as SpyderbatPolicy;
    expect((await listPolicies(api.client, { nameOrUid: one.metadata.uid ?? '' })).map((p) => p.metadata.uid)).toEqual([one.metadata.uid]);
  });

  it('gets one policy by uid with its version', async () => {
    const [p] = await listPolicies(api.client, { type: 'container' });
    const got = await getPolicy(api.client, p?.metadata.uid ?? '');
    expect(got).toEqual(p);
    expect(typeof got.metadata.version).toBe('number');
    await expect(getPolicy(api.client, 'pol:missing')).rejects.toMatchObject({ status: 404 });
  });
});

describe('policy writes', () => {
  it('create → version 1, update → version 2 with the old one archived, delete → gone', async () => {
    const api = createTestApi();
    const base = (await listPolicies(api.client, { type: 'container' }))[0] as WorkloadPolicy;
    const created = await createPolicy(api.client, draftFrom(base, 'copy-of-policy'));
    expect(created.metadata.uid).toMatch(/^pol:[0-9A-Za-z]{20}$/);
    expect(created.metadata.version).toBe(1);
    expect(created.metadata.createdBy).toBeTruthy();
    expect(await listPolicies(api.client)).toHaveLength(31);

    const edited: WorkloadPolicy = { ...(created as WorkloadPolicy), spec: { ...(created as WorkloadPolicy).spec, mode: 'enforce' } };
    const saved = await updatePolicy(api.client, edited);
    expect(saved.metadata.version).toBe(2);
    expect(saved.spec.mode).toBe('enforce');
    expect((await listPolicyVersions(api.client, created.metadata.uid ?? '')).map((p) => p.metadata.version)).toEqual([2, 1]);

    const logs = await listAuditLogs(api.client, { policyUid: created.metadata.uid ?? '', kind: 'policy_change' });
    expect(logs.map((l) => l.description)).toEqual([expect.stringContaining('created'), expect.stringContaining('Changed mode from audit to enforce')]);

    await deletePolicy(api.client, created.metadata.uid ?? '');
    await expect(getPolicy(api.client, created.metadata.uid ?? '')).rejects.toMatchObject({ isNotFound: true });
    await expect(deletePolicy(api.client, created.metadata.uid ?? '')).rejects.toMatchObject({ status: 404 });
    expect(await listPolicies(api.client)).toHaveLength(30);
  });

  it('refuses an invalid policy with located errors and stores nothing', async () => {
    const api = createTestApi();
    const base = (await listPolicies(api.client, { type: 'container' }))[0] as WorkloadPolicy;
    const bad = draftFrom(base, 'broken');
    const spec = bad.spec as unknown as Record<string, unknown>;
    delete spec.mode;
    bad.spec.networkPolicy.ingress.push({ from: [{ ipBlock: { cidr: '10.244.1.7/24' } }], ports: [{ port: 80, protocol: 'tcp' as 'TCP' }] });
    const e = await createPolicy(api.client, bad).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ValidationError);
    const problems = (e as ValidationError).problems;
    expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining(['spec.mode']));
    expect(problems.some((p) => p.path.startsWith('spec.networkPolicy.ingress'))).toBe(true);
    expect(problems.every((p) => (p.line ?? 0) > 0 && (p.column ?? 0) > 0)).toBe(true);
    expect(await listPolicies(api.client)).toHaveLength(30);
  });

  it('a stale version is a conflict (409), and the server keeps its policy', async () => {
    const api = createTestApi();
    const p = (await listPolicies(api.client, { type: 'linux-service' }))[0] as WorkloadPolicy;
    const mine = structuredClone(p);
    const theirs = await updatePolicy(api.client, { ...p, spec: { ...p.spec, mode: 'enforce' } });
    let puts = 0;
    const counting = api.clientWith({ fetch: (r) => (r.method === 'PUT' && puts++, api.fetch(r)) });
    const e = await updatePolicy(counting, { ...mine, spec: { ...mine.spec, enabled: false } }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ConflictError);
    expect((e as ConflictError).baseVersion).toBe(p.metadata.version);
    expect((e as ConflictError).currentVersion).toBe(theirs.metadata.version);
    expect(((e as ConflictError).current as SpyderbatPolicy).spec.mode).toBe('enforce');
    expect(puts).toBe(0); // the newer version was seen on re-read: nothing was sent
    expect((await getPolicy(api.client, p.metadata.uid ?? '')).spec.enabled).not.toBe(false);
  });

  it('the server refuses a PUT based on an old version with 409 (conflict fault: someone else saved first)', async () => {
    const api = createTestApi();
    const p = (await listPolicies(api.client, { type: 'container' }))[2] as WorkloadPolicy;
    api.backend.setFaults({ conflictOnUpdate: true });
    const e = await updatePolicy(api.client, { ...p, spec: { ...p.spec, mode: 'enforce' } }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ConflictError);
    expect((e as ConflictError).message).toMatch(/^409 Conflict: Version conflict/);
    expect((e as ConflictError).currentVersion).toBe((p.metadata.version ?? 0) + 1);
    const now = await getPolicy(api.client, p.metadata.uid ?? '');
    expect(now.metadata.lastUpdatedBy).toBe('someone-else@acme.example');
    expect(now.spec.mode).toBe(p.spec.mode);
  });

  it('update needs metadata.uid', async () => {
    const api = createTestApi();
    const p = (await listPolicies(api.client))[0] as SpyderbatPolicy;
    const { uid: _u, ...metadata } = p.metadata;
    await expect(updatePolicy(api.client, { ...p, metadata } as SpyderbatPolicy)).rejects.toMatchObject({ kind: 'config' });
  });
});

describe('rulesets', () => {
  it('lists the two cluster rulesets, filters by policy, and versions updates', async () => {
    const api = createTestApi();
    const all = await listRulesets(api.client);
    expect(all).toHaveLength(2);
    const cluster = (await listPolicies(api.client, { type: 'cluster' }))[0];
    const used = await listRulesets(api.client, { inPolicy: cluster?.metadata.uid ?? '' });
    expect(used.map((r) => r.metadata.name)).toEqual(cluster && 'rulesets' in cluster.spec ? cluster.spec.rulesets : []);
    const r = used[0];
    if (!r) throw new Error('no ruleset');
    const saved = await updateRuleset(api.client, { ...r, spec: { rules: [...r.spec.rules, { target: 'container::image', verb: 'allow', values: ['docker.io/library/busybox:1.36'] }] } });
    expect(saved.metadata.version).toBe((r.metadata.version ?? 0) + 1);
    expect(saved.spec.rules).toHaveLength(r.spec.rules.length + 1);
  });
});
