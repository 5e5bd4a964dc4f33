import { describe, expect, it } from 'vitest';
import { validateObject } from './validate.ts';
import {
  edit,
  validClusterPolicy,
  validPolicy,
  validServicePolicy,
} from '../__fixtures__/validate/objects.ts';

/** `path → message` lines of the diagnostics, for compact assertions. */
function problems(value: unknown): string[] {
  return validateObject(value).map((d) => `${d.path}: ${d.message}`);
}

describe('policy: mode, enabled, unknown keys', () => {
  it('accepts the small valid policies', () => {
    expect(problems(validPolicy())).toEqual([]);
    expect(problems(validServicePolicy())).toEqual([]);
    expect(problems(validClusterPolicy())).toEqual([]);
  });

  it('requires mode and allows only audit or enforce', () => {
    expect(problems(edit(validPolicy(), 'spec.mode', undefined))).toEqual([
      "spec.mode: missing required field 'mode' (mode must be audit or enforce)",
    ]);
    expect(problems(edit(validPolicy(), 'spec.mode', 'Audit'))).toEqual(['spec.mode: mode must be audit or enforce']);
    expect(problems(edit(validPolicy(), 'spec.mode', 'enforce'))).toEqual([]);
  });

  it('enabled must be a boolean', () => {
    expect(problems(edit(validPolicy(), 'spec.enabled', false))).toEqual([]);
    expect(problems(edit(validPolicy(), 'spec.enabled', 'no'))).toEqual([
      "spec.enabled: enabled must be true or false, not text ('no')",
    ]);
  });

  it('forbids unknown keys at the top level and in spec, suggesting the near miss', () => {
    expect(problems(edit(validPolicy(), 'status', 'x'))).toEqual([
      "status: unknown field 'status' in a SpyderbatPolicy document",
    ]);
    expect(problems(edit(validPolicy(), 'spec.modes', 'audit'))).toEqual([
      "spec.modes: unknown field 'modes' in a SpyderbatPolicy spec (did you mean 'mode'?)",
    ]);
  });

  it('ignores unknown metadata keys', () => {
    expect(problems(edit(validPolicy(), 'metadata.tags', ['a']))).toEqual([]);
  });

  it('chooses the cluster model by metadata.type', () => {
    const clusterSpecOnWorkload = edit(validClusterPolicy(), 'metadata.type', 'container');
    expect(problems(clusterSpecOnWorkload)).toContain(
      'spec.containerSelector: spec.containerSelector is required when metadata.type is container',
    );
    expect(problems(edit(validClusterPolicy(), 'spec.processPolicy', []))).toEqual([
      "spec.processPolicy: unknown field 'processPolicy' in a SpyderbatPolicy spec",
    ]);
  });
});

describe('selectors required by metadata.type', () => {
  it('container needs containerSelector, linux-service needs serviceSelector', () => {
    expect(problems(edit(validPolicy(), 'spec.containerSelector', undefined))).toEqual([
      'spec.containerSelector: spec.containerSelector is required when metadata.type is container',
    ]);
    expect(problems(edit(validServicePolicy(), 'spec.serviceSelector', undefined))).toEqual([
      'spec.serviceSelector: spec.serviceSelector is required when metadata.type is linux-service',
    ]);
  });

  it('an empty selector does not count', () => {
    expect(problems(edit(validPolicy(), 'spec.containerSelector', {}))).toEqual([
      'spec.containerSelector: containerSelector must have at least one value',
    ]);
  });

  it('cluster needs a non-empty clusterSelector', () => {
    expect(problems(edit(validClusterPolicy(), 'spec.clusterSelector', undefined))).toEqual([
      "spec.clusterSelector: missing required field 'clusterSelector'",
    ]);
    expect(problems(edit(validClusterPolicy(), 'spec.clusterSelector', {}))).toEqual([
      'spec.clusterSelector: clusterSelector must have at least one value',
    ]);
  });

  it('metadata.type must be a known type', () => {
    expect(problems(edit(validPolicy(), 'metadata.type', 'pod'))).toEqual([
      'metadata.type: type must be container, linux-service or cluster',
    ]);
    expect(problems(edit(validPolicy(), 'metadata.type', undefined))).toEqual([
      "metadata.type: missing required field 'type' (type must be container, linux-service or cluster)",
    ]);
  });
});

describe('response', () => {
  const redFlag = { makeRedFlag: { severity: 'high' } };
  const podScope = { podSelector: { matchLabels: { env: 'dev' } } };

  it('requires default and actions', () => {
    expect(problems(edit(validPolicy(), 'spec.response.actions', undefined))).toEqual([
      "spec.response.actions: missing required field 'actions'",
    ]);
    expect(problems(edit(validPolicy(), 'spec.response', undefined))[0]).toMatch(/^spec\.response: missing required field 'response'/);
  });

  it('holds exactly one action per entry', () => {
    const two = edit(validPolicy(), 'spec.response.default', [{ ...redFlag, agentKillPod: {} }]);
    expect(problems(two)).toEqual([
      'spec.response.default[0]: each response entry must hold exactly one action, found makeRedFlag and agentKillPod; put each action in its own list item',
    ]);
    expect(problems(edit(validPolicy(), 'spec.response.default', [{}]))[0]).toMatch(/response entry has no action/);
  });

  it('scoped actions need at least one selector, inside the action', () => {
    const ok = edit(validPolicy(), 'spec.response.actions', [{ agentKillProcess: podScope }, { makeRedFlag: { severity: 'low', ...podScope } }]);
    expect(problems(ok)).toEqual([]);
    expect(problems(edit(validPolicy(), 'spec.response.actions', [{ agentKillProcess: {} }]))).toEqual([
      'spec.response.actions[0].agentKillProcess: a scoped action needs at least one selector (clusterSelector, containerSelector, machineSelector, namespaceSelector, podSelector or processSelector); use response.default for actions that apply everywhere',
    ]);
    expect(problems(edit(validPolicy(), 'spec.response.actions', [{ agentKillProcess: { podSelector: {} } }]))).toEqual([
      'spec.response.actions[0].agentKillProcess.podSelector: podSelector needs matchLabels or matchExpressions',
    ]);
    expect(problems(edit(validPolicy(), 'spec.response.actions', [{ agentKillProcess: {}, ...podScope }]))).toContain(
      "spec.response.actions[0].podSelector: 'podSelector' must go inside the action it scopes, e.g. agentKillProcess: {podSelector: …}",
    );
  });

  it('default actions take no selector', () => {
    expect(problems(edit(validPolicy(), 'spec.response.default', [{ agentKillPod: podScope }]))).toEqual([
      "spec.response.default[0].agentKillPod.podSelector: 'podSelector' is not allowed in a default action; actions scoped by a selector belong under response.actions",
    ]);
  });

  it('allows actions by policy type', () => {
    const killPod = [{ agentKillPod: {} }];
    expect(problems(edit(validPolicy(), 'spec.response.default', killPod))).toEqual([]);
    expect(problems(edit(validServicePolicy(), 'spec.response.default', killPod))).toEqual([
      'spec.response.default[0].agentKillPod: agentKillPod is not allowed in a linux-service policy (allowed: makeRedFlag, makeOpsFlag, agentKillProcess, agentKillProcessGroup, agentKillProcessTree, agentReniceProcess, webhook)',
    ]);
    expect(problems(edit(validClusterPolicy(), 'spec.response.default', [{ agentKillProcess: {} }]))).toEqual([
      'spec.response.default[0].agentKillProcess: agentKillProcess is not allowed in a cluster policy (allowed: makeRedFlag, makeOpsFlag, agentKillPod, webhook)',
    ]);
    expect(problems(edit(validClusterPolicy(), 'spec.response.default', killPod))).toEqual([]);
  });

  it('checks severity and flag text lengths', () => {
    expect(problems(edit(validPolicy(), 'spec.response.default[0].makeRedFlag.severity', 'severe'))).toEqual([
      'spec.response.default[0].makeRedFlag.severity: severity must be critical, high, medium, low or info',
    ]);
    expect(problems(edit(validPolicy(), 'spec.response.default[0].makeRedFlag.severity', undefined))[0]).toContain(
      "missing required field 'severity'",
    );
    const impact = 'x'.repeat(101);
    expect(problems(edit(validPolicy(), 'spec.response.default[0].makeRedFlag.impact', impact))).toEqual([
      'spec.response.default[0].makeRedFlag.impact: impact must be at most 100 characters (it has 101)',
    ]);
    expect(problems(edit(validPolicy(), 'spec.response.default[0].makeRedFlag.impact', 'x'.repeat(100)))).toEqual([]);
    expect(problems(edit(validPolicy(), 'spec.response.default[0].makeRedFlag.content', 'y'.repeat(351)))).toEqual([
      'spec.response.default[0].makeRedFlag.content: content must be at most 350 characters (it has 351)',
    ]);
    const ops = [{ makeOpsFlag: { severity: 'info', description: 'd'.repeat(351) } }];
    expect(problems(edit(validPolicy(), 'spec.response.default', ops))).toEqual([
      'spec.response.default[0].makeOpsFlag.description: description must be at most 350 characters (it has 351)',
    ]);
  });

  it('accepts the spyctl v0.13 webhook action', () => {
    const hook = [{ webhook: { urlDestination: 'https://hooks.example.com/x', template: 'slack' } }];
    expect(problems(edit(validPolicy(), 'spec.response.default', hook))).toEqual([]);
    const bad = [{ webhook: { urlDestination: 'https://hooks.example.com/x', template: 'xml' } }];
    expect(problems(edit(validPolicy(), 'spec.response.default', bad))).toEqual([
      'spec.response.default[0].webhook.template: template must be json, yaml or slack',
    ]);
  });
});
