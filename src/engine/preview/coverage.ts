/** Rule coverage of a draft from an evaluator's counters (which nodes and rules matched anything). */
import type { ProcessNode, WorkloadPolicy } from '../model/types.ts';
import type { EngineEvent, EvaluationSummary, EventVerdict } from '../evaluate/types.ts';
import type { BroadRule, PreviewDeviationKind, RuleCoverage } from './types.ts';

function nodePaths(roots: unknown, base: string, out: Map<string, { name: string; path: string }>): void {
  if (!Array.isArray(roots)) return;
  (roots as ProcessNode[]).forEach((n, i) => {
    const path = `${base}[${i}]`;
    if (n !== null && typeof n === 'object') {
      if (typeof n.id === 'string' && !out.has(n.id)) out.set(n.id, { name: String(n.name), path });
      nodePaths(n.children, `${path}.children`, out);
    }
  });
}

export function coverageOf(
  policy: WorkloadPolicy,
  summary: EvaluationSummary,
  sources: RuleCoverage['sources'],
  tooBroad: BroadRule[],
): RuleCoverage {
  const nodes = new Map<string, { name: string; path: string }>();
  nodePaths(policy.spec.processPolicy, 'spec.processPolicy', nodes);
  const p = summary.policies[0];
  const processNodes = (p?.processNodes ?? []).map((n) => ({
    id: n.id,
    name: nodes.get(n.id)?.name ?? n.id,
    path: nodes.get(n.id)?.path ?? '',
    count: n.count,
  }));
  const rules = (dir: 'ingress' | 'egress') =>
    (p?.[dir] ?? []).map((r) => ({ index: r.index, path: `spec.networkPolicy.${dir}[${r.index}]`, count: r.count }));
  const ingress = rules('ingress');
  const egress = rules('egress');
  return {
    sources,
    processNodes,
    ingress,
    egress,
    dead: {
      processNodes: processNodes.filter((n) => n.count === 0).map((n) => n.id),
      ingress: ingress.filter((r) => r.count === 0).map((r) => r.index),
      egress: egress.filter((r) => r.count === 0).map((r) => r.index),
    },
    tooBroad,
  };
}

/** Kind of an event deviation for grouping. */
export function eventDeviationKind(v: EventVerdict): PreviewDeviationKind | null {
  const pv = v.policies.find((x) => !x.allowed);
  if (pv === undefined) return null;
  if (pv.deviation === 'process') return 'process';
  return v.event.connection?.direction ?? 'egress';
}

/** One line describing an event deviation. */
export function describeEvent(e: EngineEvent): string {
  const chain = e.process.chain;
  const leaf = chain[chain.length - 1];
  const who = leaf === undefined ? 'unknown process' : `${leaf.name} (${leaf.exe}, ${leaf.euser})`;
  const c = e.connection;
  if (c === undefined) {
    const parents = chain.slice(0, -1).map((p) => p.name);
    return parents.length === 0 ? who : `${who} under ${parents.join(' → ')}`;
  }
  const peer = c.dns ?? c.ip ?? '?';
  return `${c.direction === 'ingress' ? 'from' : 'to'} ${peer}:${c.port}/${c.protocol} by ${who}`;
}
