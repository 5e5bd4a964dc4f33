/**
 * Policy status and mode changes: the words the console shows for a policy's
 * state, and the document edit that moves it between Audit, Enforce and Disabled.
 */
import type { PolicyMode, SpyderbatPolicy } from '../model/types.ts';

export type PolicyStatus = 'Auditing' | 'Enforcing' | 'Disabled';
/** The three-way control: a target state. */
export type ModeTarget = 'audit' | 'enforce' | 'disabled';

/** `enabled: false` ⇒ Disabled; else by `mode` (spyctl's status column). */
export function policyStatus(policy: SpyderbatPolicy): PolicyStatus {
  if (policy.spec.enabled === false) return 'Disabled';
  return policy.spec.mode === 'enforce' ? 'Enforcing' : 'Auditing';
}

export function modeTargetOf(policy: SpyderbatPolicy): ModeTarget {
  if (policy.spec.enabled === false) return 'disabled';
  return policy.spec.mode === 'enforce' ? 'enforce' : 'audit';
}

export const STATUS_OF_TARGET: Record<ModeTarget, PolicyStatus> = { audit: 'Auditing', enforce: 'Enforcing', disabled: 'Disabled' };

/**
 * The policy document after a mode change. Disabling keeps `mode` (so re-enabling
 * returns to it); enabling removes `enabled: false` (absent means enabled, as spyctl
 * writes it) and sets `mode`.
 */
export function withModeTarget<P extends SpyderbatPolicy>(policy: P, target: ModeTarget): P {
  const spec: Record<string, unknown> = { ...policy.spec };
  if (target === 'disabled') {
    spec.enabled = false;
  } else {
    if (spec.enabled === false) delete spec.enabled;
    const mode: PolicyMode = target;
    spec.mode = mode;
  }
  const next = { ...policy };
  (next as { spec: unknown }).spec = spec;
  return next;
}

/** What a mode change means, in words, before any data is looked at. */
export function describeModeChange(from: ModeTarget, to: ModeTarget): string {
  if (from === to) return 'No change.';
  switch (to) {
    case 'enforce':
      return 'Enforce: deviations trigger the policy\'s response actions for real — red flags are raised and kill actions stop processes or pods.';
    case 'audit':
      return from === 'disabled'
        ? 'Audit: the policy is evaluated again; deviations are recorded and actions are only logged as what would have happened.'
        : 'Audit: deviations are still recorded, but response actions are only logged as what would have happened; nothing is killed.';
    case 'disabled':
      return 'Disable: the policy stops evaluating workloads; no deviations are recorded and no actions fire until it is enabled again.';
  }
}
