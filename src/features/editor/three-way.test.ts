import { describe, expect, it } from 'vitest';
import { rebase } from './three-way.ts';
import { createMemoryDraftStore, draftAge } from './draft-store.ts';

describe('rebase (3-way)', () => {
  const base = { metadata: { name: 'web', version: 3 }, spec: { mode: 'audit', enabled: true, exe: ['/a'] } };
  it('keeps both sides when they touched different fields', () => {
    const mine = { ...base, spec: { ...base.spec, exe: ['/a', '/b'] } };
    const theirs = { metadata: { name: 'web', version: 4 }, spec: { ...base.spec, mode: 'enforce' } };
    expect(rebase(base, mine, theirs)).toEqual({ value: { metadata: { name: 'web', version: 4 }, spec: { mode: 'enforce', enabled: true, exe: ['/a', '/b'] } }, conflicts: [] });
  });
  it('reports a field both changed differently and keeps mine', () => {
    const mine = { ...base, spec: { ...base.spec, mode: 'enforce' } };
    const theirs = { ...base, spec: { ...base.spec, mode: 'audit', enabled: false } };
    const r = rebase(base, { ...mine, spec: { ...mine.spec, enabled: true } }, { ...theirs, spec: { ...theirs.spec, mode: 'x' } });
    expect(r.conflicts).toEqual(['spec.mode']);
    expect(r.value).toMatchObject({ spec: { mode: 'enforce', enabled: false } });
  });
  it('honours deletions on either side', () => {
    const mine = { metadata: base.metadata, spec: { mode: 'audit', exe: ['/a'] } }; // I removed enabled
    expect(rebase(base, mine, base).value).toEqual(mine);
  });
});

describe('drafts', () => {
  it('stores, replaces and removes drafts by key', async () => {
    const s = createMemoryDraftStore();
    await s.put({ key: 'policy:1', text: 'a', savedAt: 1 });
    await s.put({ key: 'policy:1', text: 'b', savedAt: 2 });
    expect((await s.get('policy:1'))?.text).toBe('b');
    await s.remove('policy:1');
    expect(await s.get('policy:1')).toBeUndefined();
  });
  it('says how old a draft is', () => {
    expect(draftAge(0, 5 * 60_000)).toBe('5 min ago');
    expect(draftAge(0, 10_000)).toBe('just now');
  });
});
