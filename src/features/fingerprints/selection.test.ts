import { describe, expect, it } from 'vitest';
import type { FpRecord } from './fingerprint-records.ts';
import { applyGroupToggle, fullySelectedGroups, mostRecentlySeen } from './selection.ts';

const rec = (id: string, latest?: number) => ({ id, latest }) as FpRecord;
const groups = [
  { key: 'a', records: [rec('a1', 5), rec('a2', 9)] },
  { key: 'b', records: [rec('b1', 7)] },
];

describe('group selection', () => {
  it('a group is selected when all its fingerprints are', () => {
    expect([...fullySelectedGroups(groups, new Set(['a1', 'b1']))]).toEqual(['b']);
    expect([...fullySelectedGroups(groups, new Set(['a1', 'a2', 'b1']))]).toEqual(['a', 'b']);
    expect(fullySelectedGroups(groups, new Set()).size).toBe(0);
  });

  it('checking a group adds its fingerprints; unchecking removes them; others are kept', () => {
    const sel = new Set(['x', 'a1']);
    const added = applyGroupToggle(sel, groups, new Set(), new Set(['a']));
    expect([...added].sort()).toEqual(['a1', 'a2', 'x']);
    const removed = applyGroupToggle(added, groups, new Set(['a']), new Set());
    expect([...removed]).toEqual(['x']);
    const all = applyGroupToggle(new Set(), groups, new Set(), new Set(['a', 'b']));
    expect(all.size).toBe(3);
  });

  it('keeps the most recently seen', () => {
    const records = groups.flatMap((g) => g.records);
    expect(mostRecentlySeen(records, new Set(['a1', 'a2', 'b1']), 2)).toEqual(['a2', 'b1']);
    expect(mostRecentlySeen([...records, rec('c')], new Set(['c', 'a1']), 5)).toEqual(['a1', 'c']);
  });
});
