import { describe, expect, it } from 'vitest';
import { validateObject } from './validate.ts';
import {
  edit,
  validBaseline,
  validDeviation,
  validFingerprint,
  validGroup,
  validPolicy,
  validRuleset,
} from '../__fixtures__/validate/objects.ts';

function problems(value: unknown): string[] {
  return validateObject(value).map((d) => `${d.path}: ${d.message}`);
}

describe('document envelope', () => {
  it('needs a known kind', () => {
    expect(problems({ apiVersion: 'spyderbat/v1', metadata: {}, spec: {} })).toEqual([
      "kind: missing required field 'kind' (one of SpyderbatFingerprint, FingerprintGroup, SpyderbatBaseline, SpyderbatPolicy, SpyderbatRuleset, GuardianDeviation)",
    ]);
    expect(problems({ apiVersion: 'spyderbat/v1', kind: 'SpyderbatPolicies' })[0]).toMatch(
      /^kind: unknown kind text \('SpyderbatPolicies'\); expected one of /,
    );
  });

  it('needs apiVersion spyderbat/v1', () => {
    expect(problems(edit(validPolicy(), 'apiVersion', 'v1'))).toEqual(['apiVersion: apiVersion must be spyderbat/v1']);
    expect(problems(edit(validPolicy(), 'apiVersion', undefined))).toEqual([
      "apiVersion: missing required field 'apiVersion' (apiVersion must be spyderbat/v1)",
    ]);
  });

  it('rejects documents that are not mappings', () => {
    expect(problems('hello')[0]).toContain('must be a mapping');
    expect(problems([1, 2])[0]).toContain('not a list');
    expect(problems(null)[0]).toContain('not null');
  });
});

describe('items lists', () => {
  it('validates each item on its own, with items[i] paths', () => {
    const list = { apiVersion: 'spyderbat/v1', items: [validPolicy(), edit(validFingerprint(), 'spec.mode', 'audit'), validRuleset()] };
    expect(problems(list)).toEqual(["items[1].spec.mode: unknown field 'mode' in a SpyderbatFingerprint spec"]);
  });

  it('rejects nested lists and a missing apiVersion', () => {
    const nested = { apiVersion: 'spyderbat/v1', items: [{ apiVersion: 'spyderbat/v1', items: [] }] };
    expect(problems(nested)).toEqual(['items[0].items: nested item lists are not allowed']);
    expect(problems({ items: [] })).toEqual([
      "apiVersion: missing required field 'apiVersion' (apiVersion must be spyderbat/v1)",
    ]);
    expect(problems({ apiVersion: 'spyderbat/v1', items: 'x' })).toEqual(["items: items must be a list, not text ('x')"]);
  });
});

describe('baselines', () => {
  it('ignore unknown top-level keys but check the spec strictly', () => {
    expect(problems(validBaseline())).toEqual([]);
    expect(problems(edit(validBaseline(), 'status', 'x'))).toEqual([]);
    expect(problems(edit(validBaseline(), 'spec.response', {}))).toEqual([
      "spec.response: unknown field 'response' in a SpyderbatBaseline spec",
    ]);
  });
});

describe('fingerprint groups', () => {
  it('may reuse process ids across fingerprints, not within one', () => {
    expect(problems(validGroup())).toEqual([]);
    const dup = edit(validGroup(), 'data.fingerprints[1].spec.processPolicy[0].children[0].id', 'sh_0');
    expect(problems(dup)).toContain(
      "data.fingerprints[1].spec.processPolicy[0].children[0].id: duplicate process id 'sh_0' (first defined at data.fingerprints[1].spec.processPolicy[0].id)",
    );
  });

  it('validate the fingerprints and forbid unknown data keys', () => {
    expect(problems(edit(validGroup(), 'data.fingerprints[0].spec.processPolicy[0].exe', 'x'))).toEqual([
      "data.fingerprints[0].spec.processPolicy[0].exe: exe must be a list, not text ('x')",
    ]);
    expect(problems(edit(validGroup(), 'data.extra', 1))).toEqual(["data.extra: unknown field 'extra' in 'data'"]);
    expect(problems(edit(validGroup(), 'extra', 1))).toEqual([]);
  });
});

describe('rulesets', () => {
  it('accept container and process rules', () => {
    expect(problems(validRuleset())).toEqual([]);
  });

  it('names have no spaces and fewer than 64 characters', () => {
    expect(problems(edit(validRuleset(), 'metadata.name', 'my rules'))).toEqual([
      'metadata.name: ruleset name must not contain spaces',
    ]);
    expect(problems(edit(validRuleset(), 'metadata.name', 'r'.repeat(63)))).toEqual([]);
    expect(problems(edit(validRuleset(), 'metadata.name', 'r'.repeat(64)))).toEqual([
      'metadata.name: ruleset name must be shorter than 64 characters',
    ]);
  });

  it('check target, verb and values', () => {
    expect(problems(edit(validRuleset(), 'spec.rules[0].target', 'container::tag'))).toEqual([
      'spec.rules[0].target: target must be container::image, container::imageID, container::containerName, container::containerID, process::exe, process::name or process::euser',
    ]);
    expect(problems(edit(validRuleset(), 'spec.rules[0].verb', 'permit'))).toEqual(['spec.rules[0].verb: verb must be allow or deny']);
    expect(problems(edit(validRuleset(), 'spec.rules[0].values', undefined))).toEqual([
      "spec.rules[0].values: missing required field 'values'",
    ]);
    expect(problems(edit(validRuleset(), 'metadata.type', 'pod'))).toEqual(['metadata.type: type must be cluster or container']);
  });

  it('process rules may carry a processSelector, container rules may not', () => {
    const sel = { processSelector: { exe: ['/bin/sh'] } };
    expect(problems(edit(validRuleset(), 'spec.rules[1]', { ...validRuleset().spec.rules[1], ...sel }))).toEqual([]);
    expect(problems(edit(validRuleset(), 'spec.rules[1].processSelector', {}))).toEqual([
      'spec.rules[1].processSelector: processSelector needs at least one of name, exe, euser',
    ]);
  });
});

describe('deviations', () => {
  it('accept full nodes and policyNode entries', () => {
    expect(problems(validDeviation())).toEqual([]);
  });

  it('policyNode entries are strict and need an id', () => {
    const bad = edit(validDeviation(), 'spec.processPolicy[0].policyNode.id', undefined);
    expect(problems(bad)).toEqual(["spec.processPolicy[0].policyNode.id: missing required field 'id'"]);
    const extra = edit(validDeviation(), 'spec.processPolicy[0].policyNode.name', 'x');
    expect(problems(extra)).toEqual(["spec.processPolicy[0].policyNode.name: unknown field 'name' in policyNode"]);
  });

  it('checks ids and network references within the deviation', () => {
    const dup = edit(validDeviation(), 'spec.processPolicy[1].id', 'curl_0');
    expect(problems(dup)).toEqual([
      "spec.processPolicy[1].id: duplicate process id 'curl_0' (first defined at spec.processPolicy[0].policyNode.children[0].id)",
    ]);
    const ref = edit(validDeviation(), 'spec.networkPolicy.egress[0].processes', ['nope_1']);
    expect(problems(ref)).toEqual([
      "spec.networkPolicy.egress[0].processes[0]: network rule references unknown process id 'nope_1'",
    ]);
  });

  it('need the policy uid and checksum', () => {
    expect(problems(edit(validDeviation(), 'metadata.policy_uid', undefined))).toEqual([
      "metadata.policy_uid: missing required field 'policy_uid'",
    ]);
  });
});

describe('hostile values', () => {
  it('reports cycles and very deep nesting instead of recursing', () => {
    const cyclic: Record<string, unknown> = { apiVersion: 'spyderbat/v1', kind: 'SpyderbatPolicy' };
    cyclic.spec = cyclic;
    expect(problems(cyclic)).toEqual([': nesting too deep: more than 200 levels of lists and mappings']);
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(problems({ ...validPolicy(), extra: deep })[0]).toContain('nesting too deep');
  });

  it('accepts shared (aliased) sub-objects', () => {
    const shared = { protocol: 'TCP', port: 443 };
    const p = edit(validPolicy(), 'spec.networkPolicy.egress[0].ports', [shared, shared]);
    expect(problems(p)).toEqual([]);
  });
});
