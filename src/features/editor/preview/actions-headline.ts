/**
 * One line on what would fire, from the engine's action outcomes and the
 * deviation counts: "audit: would raise 14 high red flags; enforce: would also
 * kill 14 processes". Flags are reports (raised in either mode); kills, renice
 * and webhooks are interventions (taken only in enforce mode).
 */
import type { ActionsSummary, DeviationSummary } from '../../../engine/preview/types.ts';

export interface DeviationCounts {
  /** Deviations (fingerprint items and recorded events). */
  total: number;
  process: number;
  /** Workloads with deviations. */
  workloads: number;
  /** Some groups were left out of the list: counts are lower bounds. */
  partial: boolean;
}

export function deviationCounts(d: DeviationSummary | null): DeviationCounts {
  if (d === null) return { total: 0, process: 0, workloads: 0, partial: false };
  let total = 0;
  let process = 0;
  for (const g of d.groups) {
    for (const k of g.kinds) {
      total += k.count;
      if (k.kind === 'process') process += k.count;
    }
  }
  return { total, process, workloads: d.groups.length + d.moreGroups, partial: d.moreGroups > 0 };
}

interface Parsed {
  name: string;
  detail?: string;
}

/** `makeRedFlag (high)` → {name: makeRedFlag, detail: high}. */
export function parseActionLabel(label: string): Parsed {
  const m = /^(\w+)(?: \((.*)\))?$/.exec(label);
  if (m === null) return { name: label };
  return m[2] !== undefined ? { name: m[1] as string, detail: m[2] } : { name: m[1] as string };
}

function pluralBound(n: number, one: string, many: string, bound = ''): string {
  return `${bound}${n.toLocaleString('en-US')} ${n === 1 && bound === '' ? one : many}`;
}

function phrase(a: Parsed, n: number, c: DeviationCounts, b: string): { text: string; intervention: boolean } {
  const plural = (k: number, one: string, many: string): string => pluralBound(k, one, many, b);
  const sev = a.detail !== undefined ? `${a.detail} ` : '';
  switch (a.name) {
    case 'makeRedFlag':
      return { text: `raise ${plural(n, `${sev}red flag`, `${sev}red flags`)}`, intervention: false };
    case 'makeOpsFlag':
      return { text: `raise ${plural(n, `${sev}ops flag`, `${sev}ops flags`)}`, intervention: false };
    case 'agentKillProcess':
      return { text: `kill ${plural(n, 'process', 'processes')}`, intervention: true };
    case 'agentKillProcessGroup':
      return { text: `kill ${plural(n, 'process group', 'process groups')}`, intervention: true };
    case 'agentKillProcessTree':
      return { text: `kill ${plural(n, 'process tree', 'process trees')}`, intervention: true };
    case 'agentKillPod':
      return { text: `kill the pods of ${plural(c.workloads, 'workload', 'workloads')}`, intervention: true };
    case 'agentReniceProcess':
      return { text: `renice ${plural(n, 'process', 'processes')}`, intervention: true };
    case 'webhook':
      return { text: `call ${a.detail !== undefined ? `webhook ${a.detail}` : 'a webhook'} ${plural(n, 'time', 'times')}`, intervention: true };
    default:
      return { text: `${a.name} ${plural(n, 'time', 'times')}`, intervention: true };
  }
}

export function actionsHeadline(actions: ActionsSummary, deviations: DeviationSummary | null): string {
  const mode = actions.mode;
  if (!actions.enabled) return `${mode}: the draft is disabled, nothing would fire`;
  const c = deviationCounts(deviations);
  if (c.total === 0) return `${mode}: nothing would fire (no deviations in scope)`;
  const allOutcomes = actions.outcomes.length;
  const seen = new Map<string, { parsed: Parsed; inAll: boolean }>();
  for (const o of actions.outcomes) {
    for (const label of o.actions) {
      if (seen.has(label)) continue;
      seen.set(label, { parsed: parseActionLabel(label), inAll: actions.outcomes.every((x) => x.actions.includes(label)) });
    }
  }
  const bound = (inAll: boolean): string => (c.partial ? 'at least ' : !inAll && allOutcomes > 1 ? 'up to ' : '');
  const reports: string[] = [];
  const interventions: string[] = [];
  for (const { parsed, inAll } of seen.values()) {
    const p = phrase(parsed, c.total, c, bound(inAll));
    (p.intervention ? interventions : reports).push(p.text);
  }
  const plural = (k: number, one: string, many: string): string => pluralBound(k, one, many, c.partial ? 'at least ' : '');
  if (reports.length === 0 && interventions.length === 0) return `${mode}: ${plural(c.total, 'deviation', 'deviations')}, but no action fires`;
  if (mode === 'enforce') return `enforce: would ${[...reports, ...interventions].join(' and ')}`;
  const parts: string[] = [];
  parts.push(reports.length > 0 ? `audit: would ${reports.join(' and ')}` : `audit: ${plural(c.total, 'deviation', 'deviations')} logged, no flag raised`);
  if (interventions.length > 0) parts.push(`enforce: would also ${interventions.join(' and ')}`);
  return parts.join('; ');
}
