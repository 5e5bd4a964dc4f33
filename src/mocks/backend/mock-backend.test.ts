import { describe, expect, it } from 'vitest';
import type { SpyderbatPolicy } from '../../engine/model/types.ts';
import { MockBackend } from './mock-backend.ts';
import { createObject, deleteObject, listObjects, updateObject } from './objects-ops.ts';
import { memoryPersistence } from './persistence.ts';
import type { OrgState } from './org-state.ts';

const NOW = 1_795_176_000;

function org(b: MockBackend): OrgState {
  const o = b.org('acme-demo');
  if (!o) throw new Error('no demo org');
  return o;
}

function policies(b: MockBackend): SpyderbatPolicy[] {
  return [...org(b).policies.values()].map((s) => s.current);
}

describe('MockBackend persistence', () => {
  it('keeps edits across a restart on the same store (as IndexedDB does across reloads)', async () => {
    const persistence = memoryPersistence();
    const a = await MockBackend.create({ persistence, now: NOW, clock: () => NOW * 1000 });
    const [first, second] = policies(a);
    if (!first || !second) throw new Error('seed has no policies');
    const { uid: _u, version: _v, ...md } = first.metadata;
    const created = await createObject(a, org(a), 'policy', { policy: { ...first, metadata: { ...md, name: 'added' } } });
    expect(created.status).toBe(200);
    expect((await updateObject(a, org(a), 'policy', { policy: { ...second, spec: { ...second.spec, enabled: false } } })).status).toBe(200);
    expect((await deleteObject(a, org(a), 'policy', first.metadata.uid ?? '')).status).toBe(200);

    const b = await MockBackend.create({ persistence, clock: () => (NOW + 86400) * 1000 });
    expect(b.meta.now).toBe(NOW);
    const after = policies(b);
    expect(after).toHaveLength(30);
    expect(after.some((p) => p.metadata.name === 'added')).toBe(true);
    expect(after.find((p) => p.metadata.uid === second.metadata.uid)?.spec.enabled).toBe(false);
    expect(after.some((p) => p.metadata.uid === first.metadata.uid)).toBe(false);
    expect(org(b).deleted.has(first.metadata.uid ?? '')).toBe(true);
    expect(org(b).audit.map((e) => e.description)).toEqual(expect.arrayContaining([expect.stringContaining('deleted')]));
  });

  it('reset drops every edit and regenerates the seed for the new time', async () => {
    const persistence = memoryPersistence();
    const a = await MockBackend.create({ persistence, now: NOW, clock: () => NOW * 1000 });
    const p = policies(a)[0];
    await deleteObject(a, org(a), 'policy', p?.metadata.uid ?? '');
    expect(policies(a)).toHaveLength(29);
    await a.reset(NOW + 3600);
    expect(policies(a)).toHaveLength(30);
    expect(a.meta.now).toBe(NOW + 3600);
    expect(await persistence.loadRecords()).toEqual([]);
    const b = await MockBackend.create({ persistence });
    expect(policies(b)).toHaveLength(30);
    expect(b.meta.now).toBe(NOW + 3600);
  });

  it('starts from a fresh seed when the stored one was made with another seed', async () => {
    const persistence = memoryPersistence();
    const a = await MockBackend.create({ persistence, seed: 1, now: NOW });
    await deleteObject(a, org(a), 'policy', policies(a)[0]?.metadata.uid ?? '');
    const b = await MockBackend.create({ persistence, seed: 2, now: NOW + 60 });
    expect(policies(b)).toHaveLength(30);
    expect(b.meta).toMatchObject({ seed: 2, now: NOW + 60 });
  });
});

describe('MockBackend semantics', () => {
  const b = MockBackend.createSync({ now: NOW, clock: () => NOW * 1000 });

  it('lists archived versions with from_archive', () => {
    const res = listObjects(org(b), 'policy', { fromArchive: true });
    const items = (res.ndjson ?? []).flat() as { policy: SpyderbatPolicy }[];
    const versions = items.reduce((n, x) => Math.max(n, x.policy.metadata.version ?? 0), 0);
    expect(items.length).toBeGreaterThan(30);
    expect(versions).toBeGreaterThan(1);
  });

  it('rejects a body without the policy key, an unknown uid, and a type change', async () => {
    expect((await createObject(b, org(b), 'policy', { nope: {} })).status).toBe(400);
    const p = policies(b).find((x) => x.metadata.type === 'container');
    expect((await updateObject(b, org(b), 'policy', { policy: { ...p, metadata: { ...p?.metadata, uid: 'pol:nope' } } })).status).toBe(404);
    const changed = await updateObject(b, org(b), 'policy', { policy: { ...p, metadata: { ...p?.metadata, type: 'linux-service' } } });
    expect(changed.status).toBe(400);
  });

  it('counts every third request as a 500 at rate 1/3, and none at rate 0', () => {
    b.setFaults({ errorRate: 1 / 3 });
    expect([1, 2, 3, 4, 5, 6].map(() => b.shouldFail500())).toEqual([false, false, true, false, false, true]);
    b.setFaults({ errorRate: 0 });
    expect(b.shouldFail500()).toBe(false);
  });
});
