import { describe, expect, it } from 'vitest';
import type { WorkloadPolicy } from '../model/types.ts';
import { actionSentence, describeModeChange, enforceImpact, modeTargetOf, policyStatus, selectorSentences, selectorSummary, withModeTarget } from './index.ts';

function policy(over: Partial<WorkloadPolicy['spec']> = {}): WorkloadPolicy {
  return {
    apiVersion: 'spyderbat/v1',
    kind: 'SpyderbatPolicy',
    metadata: { name: 'web', type: 'container', uid: 'pol:1', version: 3 },
    spec: {
      containerSelector: { image: 'docker.io/library/nginx:*' },
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'prod' } },
      mode: 'audit',
      processPolicy: [],
      networkPolicy: { ingress: [], egress: [] },
      response: {
        default: [{ makeRedFlag: { severity: 'high' } }],
        actions: [{ agentKillPod: {}, namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'prod' } } }],
      },
      ...over,
    },
  };
}

describe('policy status', () => {
  it('derives Auditing / Enforcing / Disabled like spyctl', () => {
    expect(policyStatus(policy())).toBe('Auditing');
    expect(policyStatus(policy({ mode: 'enforce' }))).toBe('Enforcing');
    expect(policyStatus(policy({ mode: 'enforce', enabled: false }))).toBe('Disabled');
    expect(policyStatus(policy({ enabled: true }))).toBe('Auditing');
  });

  it('edits the document for each target and keeps the mode when disabling', () => {
    const disabled = withModeTarget(policy({ mode: 'enforce' }), 'disabled');
    expect(disabled.spec.enabled).toBe(false);
    expect(disabled.spec.mode).toBe('enforce');
    const audit = withModeTarget(disabled, 'audit');
    expect('enabled' in audit.spec).toBe(false);
    expect(audit.spec.mode).toBe('audit');
    expect(modeTargetOf(withModeTarget(audit, 'enforce'))).toBe('enforce');
    expect(audit.metadata.version).toBe(3); // the version the user edited travels with it
  });

  it('says what a change means', () => {
    expect(describeModeChange('audit', 'enforce')).toMatch(/for real/);
    expect(describeModeChange('enforce', 'audit')).toMatch(/nothing is killed/);
    expect(describeModeChange('audit', 'disabled')).toMatch(/stops evaluating/);
  });
});

describe('enforceImpact', () => {
  const occ = (ns: string, checksum: string) => ({ time: 1, checksum, namespace: ns, clusterName: 'eks' });

  it('counts scoped kills where the selector matches and default red flags elsewhere', () => {
    const impact = enforceImpact(policy(), [occ('prod', 'a'), occ('prod', 'a'), occ('prod', 'b'), occ('dev', 'c')]);
    expect(impact.kills.agentKillPod).toBe(3);
    expect(impact.redFlags.high).toBe(1); // dev: no scoped action fired, so the default did
    expect(impact.uniqueDeviations).toBe(3);
    expect(impact.namespaces).toEqual(['dev', 'prod']);
    expect(impact.text).toBe('would have raised 1 high red flag and killed 3 pods across 2 namespaces');
  });

  it('says when nothing was recorded', () => {
    expect(enforceImpact(policy(), []).text).toMatch(/no deviations were recorded/);
  });

  it('names a single namespace', () => {
    const p = policy({ response: { default: [{ makeRedFlag: { severity: 'critical' } }], actions: [] } });
    expect(enforceImpact(p, [occ('prod', 'a'), occ('prod', 'b')]).text).toBe('would have raised 2 critical red flags in namespace prod');
  });
});

describe('policies in words', () => {
  it('summarises selectors for tables and sentences for the overview', () => {
    expect(selectorSummary(policy())).toBe('docker.io/library/nginx:* · ns prod');
    expect(selectorSentences(policy())).toEqual([
      'Containers whose image matches docker.io/library/nginx:*',
      'In namespaces labelled kubernetes.io/metadata.name=prod',
    ]);
  });
  it('describes actions with their scope', () => {
    expect(actionSentence({ makeRedFlag: { severity: 'high' } })).toBe('Raise a red flag (high)');
    expect(actionSentence({ agentKillPod: {}, namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'prod' } } })).toBe(
      'Kill the pod for namespace kubernetes.io/metadata.name=prod',
    );
  });
});
