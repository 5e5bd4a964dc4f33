/**
 * `spyctl diff` and behaviour summaries: merge the inputs into the policy
 * (asymmetrically), then describe what changed — the tagged `-o yaml` object,
 * the text diff, and counts a UI can show ("+2 processes, +1 egress
 * destination, −1 ingress peer").
 */
import type { WorkloadPolicy } from '../model/types.ts';
import { diffAtoms, diffProcesses, structuredDiff } from './diff-structured.ts';
import type { NetAtom } from './diff-structured.ts';
import { diffText } from './diff-text.ts';
import { canonicalJson, isRecord, specOf } from './inputs.ts';
import type { EngineInput, Json } from './inputs.ts';
import { mergeObjects } from './merge-policy.ts';
import type { BehaviourSummary, MergeWarning } from './types.ts';

export interface DiffPolicyResult {
  changed: boolean;
  merged: WorkloadPolicy;
  /** The `spyctl diff -o yaml` object: the merged policy with `diff` tags. */
  structured: unknown;
  /** The `spyctl diff` text; empty when nothing changed. */
  text: string;
  summary: BehaviourSummary;
  warnings: MergeWarning[];
}

function countTags(nodes: readonly Json[], counts: Record<string, number>, depth = 0): void {
  if (depth > 200) return;
  for (const n of nodes) {
    if (typeof n.diff === 'string') counts[n.diff] = (counts[n.diff] ?? 0) + 1;
    if (Array.isArray(n.children)) countTags(n.children.filter(isRecord), counts, depth + 1);
  }
}

/** Distinct (peer, port) pairs among atoms. */
function endpoints(atoms: readonly NetAtom[]): number {
  return new Set(atoms.map((a) => canonicalJson([a.peer, a.port]))).size;
}

function plural(n: number, word: string, suffix = 's'): string {
  return `${n} ${word}${n === 1 ? '' : suffix}`;
}

/** Behaviour counts between two specs (processes by id, network by atoms). */
export function summarizeSpecs(before: Json, after: Json, lead: string[] = []): BehaviourSummary {
  const counts: Record<string, number> = {};
  countTags(diffProcesses(before, after), counts);
  const ingress = diffAtoms(before, after, 'ingress');
  const egress = diffAtoms(before, after, 'egress');
  const s = {
    processesAdded: counts.added ?? 0,
    processesChanged: counts.changed ?? 0,
    processesRemoved: counts.removed ?? 0,
    ingressAdded: endpoints(ingress.added),
    ingressRemoved: endpoints(ingress.removed),
    egressAdded: endpoints(egress.added),
    egressRemoved: endpoints(egress.removed),
  };
  const parts = [...lead];
  if (s.processesAdded > 0) parts.push(`+${plural(s.processesAdded, 'process', 'es')}`);
  if (s.processesChanged > 0) parts.push(`${plural(s.processesChanged, 'process', 'es')} changed`);
  if (s.processesRemoved > 0) parts.push(`\u2212${plural(s.processesRemoved, 'process', 'es')}`);
  if (s.egressAdded > 0) parts.push(`+${plural(s.egressAdded, 'egress destination')}`);
  if (s.egressRemoved > 0) parts.push(`\u2212${plural(s.egressRemoved, 'egress destination')}`);
  if (s.ingressAdded > 0) parts.push(`+${plural(s.ingressAdded, 'ingress peer')}`);
  if (s.ingressRemoved > 0) parts.push(`\u2212${plural(s.ingressRemoved, 'ingress peer')}`);
  return { ...s, text: parts.length > 0 ? parts.join(', ') : 'no changes' };
}

/** What an edit changed in a policy's behaviour, plus its mode ("mode audit→enforce"). */
export function summarizePolicyChange(before: WorkloadPolicy, after: WorkloadPolicy): BehaviourSummary & { modeChange?: string } {
  const b = specOf(before as unknown as Json);
  const a = specOf(after as unknown as Json);
  const modeChange = b.mode !== a.mode ? `mode ${String(b.mode)}\u2192${String(a.mode)}` : undefined;
  const summary = summarizeSpecs(b, a, modeChange !== undefined ? [modeChange] : []);
  return modeChange !== undefined ? { ...summary, modeChange } : summary;
}

export function diffPolicy(policy: WorkloadPolicy, others: readonly EngineInput[]): DiffPolicyResult {
  const original = policy as unknown as Json;
  const { merged, changed, warnings } = mergeObjects(original, others);
  return {
    changed,
    merged: merged as unknown as WorkloadPolicy,
    structured: structuredDiff(original, merged),
    text: changed ? diffText(original, merged) : '',
    summary: summarizeSpecs(specOf(original), specOf(merged)),
    warnings,
  };
}
