/** Collecting deviations per workload and kind, with a few examples each. */
import type { DeviationItem } from '../spyderbat/index.ts';
import type { DeviationGroup, DeviationSummary, PreviewDeviationKind, PreviewWorkload } from './types.ts';

const KIND_ORDER: readonly PreviewDeviationKind[] = ['process', 'ingress', 'egress'];

export class DeviationCollector {
  private readonly groups = new Map<string, DeviationGroup>();
  fingerprints = 0;
  events = 0;

  constructor(private readonly maxSamples: number) {}

  add(key: string, workload: PreviewWorkload, source: DeviationGroup['source'], kind: PreviewDeviationKind, sample: string): void {
    let g = this.groups.get(key);
    if (g === undefined) {
      g = { workload, source, total: 0, kinds: [] };
      this.groups.set(key, g);
    }
    g.total++;
    let k = g.kinds.find((x) => x.kind === kind);
    if (k === undefined) {
      k = { kind, count: 0, samples: [] };
      g.kinds.push(k);
      g.kinds.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
    }
    k.count++;
    if (k.samples.length < this.maxSamples && !k.samples.includes(sample)) k.samples.push(sample);
  }

  /** Groups with the most deviations first, at most `maxGroups`. */
  summary(maxGroups: number): DeviationSummary {
    const all = [...this.groups.values()].sort((a, b) => b.total - a.total || a.workload.label.localeCompare(b.workload.label));
    return { fingerprints: this.fingerprints, events: this.events, groups: all.slice(0, maxGroups), moreGroups: Math.max(0, all.length - maxGroups) };
  }
}

/** One line describing a fingerprint deviation item. */
export function describeItem(item: DeviationItem): string {
  if (item.kind === 'process') {
    const exe = Array.isArray(item.node.exe) ? item.node.exe.join(', ') : '';
    const where = item.parentId !== undefined ? ` under ${item.parentId}` : ' (new root process)';
    return `${item.node.name} (${exe})${where}`;
  }
  const ports = item.endPort !== undefined ? `${item.port}-${item.endPort}` : String(item.port);
  const by = item.process !== undefined ? ` by ${item.process}` : '';
  return `${item.kind === 'ingress' ? 'from' : 'to'} ${item.peer}:${ports}/${item.protocol}${by}`;
}
