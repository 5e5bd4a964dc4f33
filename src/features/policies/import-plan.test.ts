import { describe, expect, it } from 'vitest';
import { planImport } from './import-plan.ts';

const policyDoc = (name: string, extra = '') => `apiVersion: spyderbat/v1
kind: SpyderbatPolicy
metadata:
  name: ${name}
  type: container${extra}
spec:
  containerSelector:
    image: nginx:*
  mode: audit
  processPolicy:
  - name: nginx
    exe:
    - /usr/sbin/nginx
    id: nginx_0
    euser:
    - root
  networkPolicy:
    ingress: []
    egress: []
  response:
    default:
    - makeRedFlag:
        severity: high
    actions: []
`;

describe('planImport', () => {
  it('plans creates and updates from a multi-document file', () => {
    const text = `${policyDoc('a')}---\n${policyDoc('b', '\n  uid: pol:b\n  version: 2')}`;
    const existing = [{ apiVersion: 'spyderbat/v1', kind: 'SpyderbatPolicy', metadata: { name: 'b', type: 'container', uid: 'pol:b', version: 4 } }] as never;
    const plan = planImport([{ name: 'two.yaml', text }], existing);
    expect(plan.errors).toEqual([]);
    expect(plan.items.map((i) => [i.policy.metadata.name, i.action, i.policy.metadata.version])).toEqual([
      ['a', 'create', undefined],
      ['b', 'update', 2],
    ]);
  });

  it('locates an error in the second document (line and column)', () => {
    const bad = policyDoc('b').replace('mode: audit', 'mode: block');
    const plan = planImport([{ name: 'two.yaml', text: `${policyDoc('a')}---\n${bad}` }], []);
    expect(plan.errors).toHaveLength(1);
    expect(plan.errors[0]).toMatchObject({ file: 'two.yaml', line: 34, column: 3, path: 'spec.mode' });
    expect(plan.errors[0]?.message).toMatch(/audit or enforce/);
  });

  it('accepts spyctl items lists and skips non-policies', () => {
    const text = `apiVersion: spyderbat/v1\nitems:\n- ${policyDoc('x').trimEnd().split('\n').join('\n  ')}\n`;
    const plan = planImport([{ name: 'list.yaml', text }], []);
    expect(plan.errors).toEqual([]);
    expect(plan.items.map((i) => i.policy.metadata.name)).toEqual(['x']);
  });

  it('rejects an empty file', () => {
    expect(planImport([{ name: 'empty.yaml', text: '' }], []).errors[0]?.message).toMatch(/no YAML document/);
  });
});
