/**
 * `spyctl merge` (reference §5, §7): the policy merged asymmetrically with each
 * input in turn. Inputs of the other workload type are skipped with a warning, as
 * are deviations recorded for another policy uid. The result counts as changed
 * only when the spec changed; otherwise the policy comes back as it was, with
 * `latestTimestamp` set to now when a clock is given (spyctl `--latest`).
 *
 * spyctl drops metadata keys outside its schema (name, type, uid,
 * creationTimestamp, latestTimestamp), e.g. `tags` and `version`; so does this.
 */
import type { WorkloadPolicy } from '../model/types.ts';
import { cloneJson, flattenInputs, jsonEqual, metadataOf } from './inputs.ts';
import type { EngineInput, FlatInput, Json } from './inputs.ts';
import { MergeState } from './merge-state.ts';
import type { MergeWarning } from './types.ts';

export interface MergeIntoPolicyOptions {
  /** Clock for `latestTimestamp` when nothing changed: epoch seconds (epoch milliseconds are recognised and converted). */
  now?: () => number;
}

export interface MergeIntoPolicyResult {
  policy: WorkloadPolicy;
  changed: boolean;
  warnings: MergeWarning[];
}

/** The inputs that may be merged into `policy`, and warnings for the rest (spyctl `is_type_mismatch`). */
export function mergeableInputs(policy: Json, others: readonly EngineInput[]): { items: FlatInput[]; warnings: MergeWarning[] } {
  const { items, skipped } = flattenInputs(others);
  const warnings: MergeWarning[] = skipped.map((s) => ({
    code: 'skipped-input',
    message: `input ${s.inputIndex} skipped: ${s.reason}`,
    inputIndex: s.inputIndex,
  }));
  const meta = metadataOf(policy);
  const kept = items.filter((it) => {
    const m = metadataOf(it.obj);
    if (it.obj.kind === 'GuardianDeviation') {
      const uid = meta.uid;
      const devUid = m.policy_uid;
      if (typeof uid !== 'string' || typeof devUid !== 'string' || uid === devUid) return true;
      warnings.push({
        code: 'type-mismatch',
        message: `input ${it.inputIndex} is a deviation of policy ${devUid}, not of ${uid}: skipped`,
        inputIndex: it.inputIndex,
      });
      return false;
    }
    if (m.type === meta.type) return true;
    warnings.push({
      code: 'type-mismatch',
      message: `input ${it.inputIndex} is a ${String(m.type)} ${String(it.obj.kind)} but the policy is ${String(meta.type)}: skipped`,
      inputIndex: it.inputIndex,
    });
    return false;
  });
  return { items: kept, warnings };
}

/** Merge `others` into a copy of `policy`; the merged object and what happened. */
export function mergeObjects(policy: Json, others: readonly EngineInput[]): { merged: Json; changed: boolean; warnings: MergeWarning[] } {
  const { items, warnings } = mergeableInputs(policy, others);
  const state = new MergeState(policy);
  for (const it of items) state.merge(it.obj, false, it.inputIndex);
  warnings.push(...state.warnings);
  const merged = state.toData();
  return { merged, changed: !jsonEqual(policy.spec, merged.spec), warnings };
}

function epochSeconds(n: number): number {
  return n > 1e11 ? n / 1000 : n;
}

export function mergeIntoPolicy(
  policy: WorkloadPolicy,
  others: readonly EngineInput[],
  opts: MergeIntoPolicyOptions = {},
): MergeIntoPolicyResult {
  const base = policy as unknown as Json;
  const { merged, changed, warnings } = mergeObjects(base, others);
  if (changed) return { policy: merged as unknown as WorkloadPolicy, changed, warnings };
  const same = cloneJson(base);
  const meta = metadataOf(same);
  if (opts.now !== undefined && Object.hasOwn(meta, 'latestTimestamp')) meta.latestTimestamp = epochSeconds(opts.now());
  return { policy: same as unknown as WorkloadPolicy, changed: false, warnings };
}
