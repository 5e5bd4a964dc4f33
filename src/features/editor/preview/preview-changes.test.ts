import { describe, expect, it } from 'vitest';
import type { DeviationGroup, DeviationSummary } from '../../../engine/preview/types.ts';
import { compareDeviations, countChanges, foldGroups, groupKey } from './preview-changes.ts';

function group(label: string, index: number, kinds: [DeviationGroup['kinds'][number]['kind'], number, string[]][], source: DeviationGroup['source'] = 'fingerprint'): DeviationGroup {
  return {
    workload: { index, label, type: 'container' },
    source,
    total: kinds.reduce((s, k) => s + k[1], 0),
    kinds: kinds.map(([kind, count, samples]) => ({ kind, count, samples })),
  };
}

function summary(groups: DeviationGroup[]): DeviationSummary {
  return { fingerprints: groups.length, events: 0, groups, moreGroups: 0 };
}

describe('compareDeviations', () => {
  const applied = summary([group('web-1', 0, [['process', 2, ['sh', 'curl']]]), group('web-2', 1, [['egress', 1, ['to 1.2.3.4:443/TCP']]]), group('db', 2, [['ingress', 1, ['from x']]])]);
  const draft = summary([
    group('web-1', 0, [['process', 2, ['sh', 'curl']]]),
    group('web-2', 1, [['egress', 2, ['to 1.2.3.4:443/TCP', 'to 5.6.7.8:443/TCP']]]),
    group('cache', 3, [['process', 1, ['redis-cli']]]),
  ]);

  it('marks each workload new, more, fewer, allowed or same, applied-only groups last', () => {
    const out = compareDeviations(draft, applied);
    expect(out.map((g) => [g.workload.label, g.status, g.draft, g.applied])).toEqual([
      ['web-1', 'same', 2, 2],
      ['web-2', 'more', 2, 1],
      ['cache', 'new', 1, 0],
      ['db', 'allowed', 0, 1],
    ]);
  });

  it('names the examples the applied policy did not show', () => {
    const web2 = compareDeviations(draft, applied).find((g) => g.workload.label === 'web-2');
    expect(web2?.kinds).toEqual([{ kind: 'egress', draft: 2, applied: 1, newSamples: ['to 5.6.7.8:443/TCP'], samples: ['to 1.2.3.4:443/TCP', 'to 5.6.7.8:443/TCP'] }]);
  });

  it('counts a changed example at equal counts as a change', () => {
    const d = summary([group('web-1', 0, [['process', 2, ['sh', 'wget']]])]);
    expect(compareDeviations(d, applied)[0]?.status).toBe('more');
  });

  it('against an empty summary everything is new', () => {
    const out = compareDeviations(draft, summary([]));
    expect(out.every((g) => g.status === 'new')).toBe(true);
    expect(countChanges(out)).toEqual({ newOrMore: 3, allowed: 0, fewer: 0 });
  });

  it('keys groups by source and workload', () => {
    expect(groupKey(group('w', 4, [], 'events'))).not.toBe(groupKey(group('w', 4, [])));
    expect(countChanges(compareDeviations(draft, applied))).toEqual({ newOrMore: 2, allowed: 1, fewer: 0 });
  });
});

describe('foldGroups', () => {
  it('folds replicas that deviate the same way, keeping the first and counting the rest', () => {
    const g = (index: number, samples: string[], label = 'web') => compareDeviations(summary([group(label, index, [['egress', samples.length, samples]])]), summary([]))[0] as NonNullable<ReturnType<typeof compareDeviations>[0]>;
    const folded = foldGroups([g(0, ['a']), g(1, ['b']), g(2, ['a']), g(3, ['a'], 'db'), g(4, ['a'])]);
    expect(folded.map((f) => [f.workload.index, f.members])).toEqual([
      [0, 3],
      [1, 1],
      [3, 1],
    ]);
  });
});
