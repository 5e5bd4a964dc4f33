/** Selection of fingerprints, by id; a group row counts as selected when all its (visible) fingerprints are. */
import type { FpRecord } from './fingerprint-records.ts';

export interface Grouped {
  key: string;
  records: readonly FpRecord[];
}

/** Keys of the groups whose every fingerprint is selected. */
export function fullySelectedGroups(groups: readonly Grouped[], selected: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  if (selected.size === 0) return out;
  for (const g of groups) if (g.records.length > 0 && g.records.every((r) => selected.has(r.id))) out.add(g.key);
  return out;
}

/** Applies a change of group checkboxes (`before` → `after`) to the fingerprint selection. */
export function applyGroupToggle(selected: ReadonlySet<string>, groups: readonly Grouped[], before: ReadonlySet<string>, after: ReadonlySet<string>): Set<string> {
  const next = new Set(selected);
  for (const g of groups) {
    const was = before.has(g.key);
    const is = after.has(g.key);
    if (was === is) continue;
    for (const r of g.records) {
      if (is) next.add(r.id);
      else next.delete(r.id);
    }
  }
  return next;
}

/** The `max` most recently seen of the selected fingerprints. */
export function mostRecentlySeen(records: readonly FpRecord[], selected: ReadonlySet<string>, max: number): string[] {
  return records
    .filter((r) => selected.has(r.id))
    .sort((a, b) => (b.latest ?? -Infinity) - (a.latest ?? -Infinity) || (a.id < b.id ? -1 : 1))
    .slice(0, max)
    .map((r) => r.id);
}
