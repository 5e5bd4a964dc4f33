/**
 * Derived fields of an `event_deviation` row, so searches can filter and group by them:
 * `policy_type` (container | linux-service | cluster), `deviation_kind` (process |
 * ingress | egress | image) and `workload` (the container image or service name it was
 * seen on). Palisade mock extensions: a server without them groups these as null.
 */
import { isRecord } from '../../api/mappers.ts';

export type DeviationKind = 'process' | 'ingress' | 'egress' | 'image' | 'other';

export interface DeviationFacets {
  policy_type: string;
  deviation_kind: DeviationKind;
  workload: string;
}

const cache = new WeakMap<object, { kind: DeviationKind; type: string }>();

const nonEmpty = (v: unknown): boolean => Array.isArray(v) && v.length > 0;

/** A process entry adds a process when it is a node, or a policyNode with children. */
function addsProcess(entry: unknown): boolean {
  if (!isRecord(entry)) return false;
  const pn = entry.policyNode;
  if (isRecord(pn)) return nonEmpty(pn.children);
  return typeof entry.name === 'string' || typeof entry.id === 'string';
}

export function deviationKindOf(deviation: unknown): DeviationKind {
  const spec = isRecord(deviation) && isRecord(deviation.spec) ? deviation.spec : {};
  if (nonEmpty(spec.rules)) return 'image';
  if (Array.isArray(spec.processPolicy) && spec.processPolicy.some(addsProcess)) return 'process';
  const net = isRecord(spec.networkPolicy) ? spec.networkPolicy : {};
  if (nonEmpty(net.ingress)) return 'ingress';
  if (nonEmpty(net.egress)) return 'egress';
  return 'other';
}

/** `container image "X"` / `service "Y"` in a deviation description (both spyctl and mock wording). */
export function workloadOf(description: string): string {
  const m = /[Cc]ontainer image "([^"]*)"/.exec(description) ?? /service "([^"]*)"/.exec(description);
  return m?.[1] ?? '';
}

export function deviationFacets(rec: { deviation?: unknown; description?: unknown }): DeviationFacets {
  const dev = rec.deviation;
  const spec = isRecord(dev) && isRecord(dev.spec) ? dev.spec : null;
  let hit = spec ? cache.get(spec) : undefined;
  if (!hit) {
    const md = isRecord(dev) && isRecord(dev.metadata) ? dev.metadata : {};
    hit = { kind: deviationKindOf(dev), type: typeof md.type === 'string' ? md.type : '' };
    if (spec) cache.set(spec, hit);
  }
  return { policy_type: hit.type, deviation_kind: hit.kind, workload: workloadOf(typeof rec.description === 'string' ? rec.description : '') };
}
