import { describe, expect, it } from 'vitest';
import type { ActionsSummary, DeviationSummary } from '../../../engine/preview/types.ts';
import { actionsHeadline, deviationCounts, parseActionLabel } from './actions-headline.ts';

const devs = (process: number, egress: number, more = 0): DeviationSummary => ({
  fingerprints: 2,
  events: 0,
  moreGroups: more,
  groups: [
    { workload: { index: 0, label: 'a', type: 'container' }, source: 'fingerprint', total: process, kinds: [{ kind: 'process', count: process, samples: [] }] },
    { workload: { index: 1, label: 'b', type: 'container' }, source: 'fingerprint', total: egress, kinds: [{ kind: 'egress', count: egress, samples: [] }] },
  ],
});

function actions(mode: 'audit' | 'enforce', outcomes: { actions: string[]; workloads: number }[], enabled = true): ActionsSummary {
  return { mode, enabled, outcomes, processDependent: [], text: '' };
}

describe('actionsHeadline', () => {
  it('audit: flags would be raised, interventions only in enforce', () => {
    const a = actions('audit', [{ actions: ['makeRedFlag (high)', 'agentKillProcess'], workloads: 3 }]);
    expect(actionsHeadline(a, devs(2, 12))).toBe('audit: would raise 14 high red flags; enforce: would also kill 14 processes');
  });

  it('enforce: says everything that would be done', () => {
    const a = actions('enforce', [{ actions: ['makeRedFlag (critical)', 'agentKillPod'], workloads: 2 }]);
    expect(actionsHeadline(a, devs(1, 0))).toBe('enforce: would raise 1 critical red flag and kill the pods of 2 workloads');
  });

  it('qualifies counts when outcomes differ between workloads or the list is cut', () => {
    const a = actions('audit', [
      { actions: ['makeRedFlag (high)'], workloads: 2 },
      { actions: ['makeRedFlag (high)', 'webhook (slack)'], workloads: 1 },
    ]);
    expect(actionsHeadline(a, devs(2, 3))).toBe('audit: would raise 5 high red flags; enforce: would also call webhook slack up to 5 times');
    expect(actionsHeadline(a, devs(2, 3, 4))).toContain('raise at least 5 high red flags');
  });

  it('says when nothing fires', () => {
    expect(actionsHeadline(actions('audit', [{ actions: ['makeRedFlag (high)'], workloads: 1 }]), devs(0, 0))).toBe('audit: nothing would fire (no deviations in scope)');
    expect(actionsHeadline(actions('enforce', [], false), devs(1, 1))).toBe('enforce: the draft is disabled, nothing would fire');
    expect(actionsHeadline(actions('audit', [{ actions: [], workloads: 1 }]), devs(1, 0))).toBe('audit: 1 deviation, but no action fires');
  });

  it('parses engine action labels', () => {
    expect(parseActionLabel('makeRedFlag (high)')).toEqual({ name: 'makeRedFlag', detail: 'high' });
    expect(parseActionLabel('agentKillPod')).toEqual({ name: 'agentKillPod' });
    expect(deviationCounts(null)).toEqual({ total: 0, process: 0, workloads: 0, partial: false });
    expect(deviationCounts(devs(2, 3, 1))).toEqual({ total: 5, process: 2, workloads: 3, partial: true });
  });
});
