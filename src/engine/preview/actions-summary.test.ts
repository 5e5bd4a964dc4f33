import { describe, expect, it } from 'vitest';
import type { WorkloadIdentity, WorkloadPolicy } from '../model/types.ts';
import { summarizeActions } from './actions-summary.ts';

const policy = (spec: Partial<WorkloadPolicy['spec']>): WorkloadPolicy => ({
  apiVersion: 'spyderbat/v1',
  kind: 'SpyderbatPolicy',
  metadata: { name: 'p', type: 'container' },
  spec: {
    containerSelector: { image: 'app:*' },
    mode: 'enforce',
    processPolicy: [],
    networkPolicy: { ingress: [], egress: [] },
    response: { default: [{ makeRedFlag: { severity: 'high' } }], actions: [] },
    ...spec,
  },
});
const ids: WorkloadIdentity[] = [
  { type: 'container', container: { image: 'app:1' }, podLabels: { env: 'dev' } },
  { type: 'container', container: { image: 'app:2' }, podLabels: { env: 'prod' } },
];

describe('summarizeActions', () => {
  it('says what enforce mode takes for every workload in scope', () => {
    const s = summarizeActions(policy({}), ids);
    expect(s.outcomes).toEqual([{ actions: ['makeRedFlag (high)'], workloads: 2 }]);
    expect(s.text).toBe('Enforce mode: actions are taken. On a deviation in any of the 2 workloads in scope: makeRedFlag (high).');
  });

  it('lists actions that depend on the deviating process separately', () => {
    const s = summarizeActions(
      policy({ response: { default: [{ makeRedFlag: { severity: 'low' } }], actions: [{ agentKillProcess: { processSelector: { name: ['curl'] } } }] } }),
      ids,
    );
    expect(s.outcomes).toEqual([{ actions: ['makeRedFlag (low)'], workloads: 2 }]);
    expect(s.processDependent).toEqual(['agentKillProcess']);
    expect(s.text).toContain('agentKillProcess also fires');
  });

  it('counts the workloads a scoped action covers; kill actions with enabled: false never fire', () => {
    const s = summarizeActions(
      policy({
        response: {
          default: [],
          actions: [{ agentKillPod: { podSelector: { matchLabels: { env: 'dev' } } } }, { agentKillProcess: { enabled: false, podSelector: { matchLabels: { env: 'prod' } } } }],
        },
      }),
      ids,
    );
    expect(s.outcomes).toEqual([
      { actions: ['agentKillPod'], workloads: 1 },
      { actions: [], workloads: 1 },
    ]);
    expect(s.text).toContain('1 workload: no action');
  });

  it('says nothing fires when nothing is in scope or the policy is disabled', () => {
    expect(summarizeActions(policy({}), []).text).toContain('nothing would fire');
    expect(summarizeActions(policy({ enabled: false }), ids).text).toMatch(/^Disabled/);
  });
});
