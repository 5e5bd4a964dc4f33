/** Where the preview cannot decide, in words: the engine's notes plus what the panel knows about its data. */
import type { PreviewResult } from '../../../engine/preview/types.ts';
import type { RecordedActivity } from './recorded-activity.ts';

export interface NotesInput {
  result: PreviewResult;
  activity: RecordedActivity | null;
  activityError: string | null;
  activityDays: number;
  /** Whether "only changes" is on and whether an applied version was found. */
  compare: { on: boolean; applied: boolean } | null;
}

const n = (x: number): string => x.toLocaleString('en-US');

export function undecidedNotes({ result, activity, activityError, activityDays, compare }: NotesInput): string[] {
  const out = [...result.notes];
  const a = result.actions;
  if (a !== null && a.processDependent.length > 0) {
    out.push(
      `Whether ${[...new Set(a.processDependent)].join(', ')} fires depends on the deviating process (processSelector); the counts above use the workload's actions only.`,
    );
  }
  const c = result.coverage;
  if (c !== null && c.sources.fingerprintActivities + c.sources.events === 0) {
    out.push('Nothing in scope was replayed: a rule that matched nothing may still be needed by activity not recorded yet.');
  } else if (c !== null && c.dead.processNodes.length + c.dead.ingress.length + c.dead.egress.length > 0) {
    out.push(`"Dead" means no match in the fingerprints and the last ${activityDays} days of recorded deviations; rare activity (monthly jobs, failover) may still need the rule.`);
  }
  const d = result.deviations;
  if (d !== null && d.moreGroups > 0) out.push(`${n(d.moreGroups)} more workloads with deviations are not listed; counts that include them are lower bounds.`);
  if (activityError !== null) out.push(`Recorded activity could not be loaded (${activityError}): only fingerprints were replayed.`);
  else if (activity !== null) {
    for (const s of activity.skipped) out.push(`${n(s.count)} of ${n(activity.records)} deviations recorded in the last ${activityDays} days could not be replayed: ${s.reason}.`);
  }
  if (compare?.on === true && !compare.applied) out.push('No applied version of this policy (same uid, or same name and type) was found: there is nothing to compare with.');
  return out;
}
