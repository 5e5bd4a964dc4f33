/** Per-policy coverage from an evaluator's counters (dead rules = never matched). */
import type { CompiledPolicy } from './policy-index.ts';
import type { NodeCount, PolicyCoverage, RuleCount } from './types.ts';

export function coverageOf(p: CompiledPolicy): PolicyCoverage {
  const processNodes: NodeCount[] = p.tree.nodes.map((n) => ({ id: n.id, count: p.nodeCounts[n.slot] ?? 0 }));
  const nIn = p.network.ingress.count;
  const rules = (from: number, count: number): RuleCount[] =>
    Array.from({ length: count }, (_, index) => ({ index, count: p.ruleCounts[from + index] ?? 0 }));
  const ingress = rules(0, nIn);
  const egress = rules(nIn, p.network.egress.count);
  return {
    policyIndex: p.index,
    name: p.name,
    uid: p.uid,
    events: p.events,
    deviations: p.deviations,
    processDeviations: p.processDeviations,
    connectionDeviations: p.connectionDeviations,
    processNodes,
    ingress,
    egress,
    deadProcessNodes: processNodes.filter((n) => n.count === 0).map((n) => n.id),
    deadIngressRules: ingress.filter((r) => r.count === 0).map((r) => r.index),
    deadEgressRules: egress.filter((r) => r.count === 0).map((r) => r.index),
  };
}
