/**
 * "Only what the draft changes": the draft's deviation groups compared with
 * those of the applied policy on the same data set, per workload and kind.
 */
import type { DeviationGroup, DeviationSummary, PreviewDeviationKind, PreviewWorkload } from '../../../engine/preview/types.ts';

export type ChangeStatus = 'new' | 'more' | 'fewer' | 'allowed' | 'same';

export interface KindChange {
  kind: PreviewDeviationKind;
  draft: number;
  applied: number;
  /** Draft examples the applied policy's examples do not show. */
  newSamples: string[];
  /** Draft examples (all of them). */
  samples: string[];
}

export interface GroupChange {
  key: string;
  workload: PreviewWorkload;
  source: DeviationGroup['source'];
  draft: number;
  applied: number;
  status: ChangeStatus;
  kinds: KindChange[];
}

const KINDS: readonly PreviewDeviationKind[] = ['process', 'ingress', 'egress'];

export function groupKey(g: Pick<DeviationGroup, 'source' | 'workload'>): string {
  return `${g.source}:${g.workload.index}:${g.workload.label}`;
}

function statusOf(draft: number, applied: number, newSamples: number): ChangeStatus {
  if (applied === 0 && draft > 0) return 'new';
  if (draft === 0 && applied > 0) return 'allowed';
  if (draft > applied) return 'more';
  if (draft < applied) return 'fewer';
  return newSamples > 0 ? 'more' : 'same';
}

function compareGroup(key: string, d: DeviationGroup | undefined, a: DeviationGroup | undefined): GroupChange {
  const base = (d ?? a) as DeviationGroup;
  const kinds: KindChange[] = [];
  let fresh = 0;
  for (const kind of KINDS) {
    const dk = d?.kinds.find((k) => k.kind === kind);
    const ak = a?.kinds.find((k) => k.kind === kind);
    if (dk === undefined && ak === undefined) continue;
    const known = new Set(ak?.samples ?? []);
    const newSamples = (dk?.samples ?? []).filter((s) => !known.has(s));
    fresh += newSamples.length;
    kinds.push({ kind, draft: dk?.count ?? 0, applied: ak?.count ?? 0, newSamples, samples: dk?.samples ?? [] });
  }
  const draft = d?.total ?? 0;
  const applied = a?.total ?? 0;
  return { key, workload: base.workload, source: base.source, draft, applied, status: statusOf(draft, applied, fresh), kinds };
}

/** Every group of either side, draft order first, then groups only the applied policy has. */
export function compareDeviations(draft: DeviationSummary, applied: DeviationSummary): GroupChange[] {
  const appliedByKey = new Map(applied.groups.map((g) => [groupKey(g), g]));
  const out: GroupChange[] = [];
  const seen = new Set<string>();
  for (const g of draft.groups) {
    const key = groupKey(g);
    seen.add(key);
    out.push(compareGroup(key, g, appliedByKey.get(key)));
  }
  for (const g of applied.groups) {
    const key = groupKey(g);
    if (!seen.has(key)) out.push(compareGroup(key, undefined, g));
  }
  return out;
}

export interface ChangeCounts {
  newOrMore: number;
  allowed: number;
  fewer: number;
}

export function countChanges(changes: readonly GroupChange[]): ChangeCounts {
  let newOrMore = 0;
  let allowed = 0;
  let fewer = 0;
  for (const c of changes) {
    if (c.status === 'new' || c.status === 'more') newOrMore++;
    else if (c.status === 'allowed') allowed++;
    else if (c.status === 'fewer') fewer++;
  }
  return { newOrMore, allowed, fewer };
}

export interface FoldedGroup extends GroupChange {
  /** Groups folded into this one (replicas and rollouts of one workload that deviate the same way). */
  members: number;
}

/** Folds groups with the same source, workload label, status and deviations into one, first one first. */
export function foldGroups(groups: readonly GroupChange[]): FoldedGroup[] {
  const out: FoldedGroup[] = [];
  const bySig = new Map<string, FoldedGroup>();
  for (const g of groups) {
    const sig = [g.source, g.workload.label, g.status, ...g.kinds.map((k) => `${k.kind}:${k.draft}:${k.applied}:${k.samples.join('\u0001')}`)].join('\u0000');
    const hit = bySig.get(sig);
    if (hit !== undefined) {
      hit.members++;
      continue;
    }
    const f: FoldedGroup = { ...g, members: 1 };
    bySig.set(sig, f);
    out.push(f);
  }
  return out;
}
