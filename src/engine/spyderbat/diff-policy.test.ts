import { describe, expect, it } from 'vitest';
import { egress, fp, policyOf, proc } from '../__fixtures__/spyderbat/builders.ts';
import { diffPolicy, summarizePolicyChange } from './diff-policy.ts';
import { summarizeDiffLines } from './diff-text.ts';

const tree = [proc('sh', '/bin/sh', 'sh_0', { euser: ['root'], children: [proc('py', '/bin/py', 'py_0')] })];
const policy = policyOf({ processPolicy: tree, networkPolicy: { ingress: [], egress: [egress(['1.1.1.1/32'], [443], ['py_0'])] } });

describe('diffPolicy', () => {
  it('tags process nodes and explodes the network into atoms', () => {
    const fpNew = fp({
      processes: [proc('sh', ['/bin/sh', '/usr/bin/sh'], 'sh_0', { euser: ['root'], children: [proc('py', '/bin/py', 'py_0', { children: [proc('curl', '/usr/bin/curl', 'curl_0')] })] })],
      egress: [egress(['1.1.1.1/32', { dns: 'pypi.org' }], [443], ['py_0']), egress(['9.9.9.9/32'], [80], ['curl_0'])],
    });
    const res = diffPolicy(policy, [fpNew]);
    expect(res.changed).toBe(true);
    const spec = (res.structured as { spec: { processPolicy: unknown; networkPolicy: unknown } }).spec;
    expect(spec.processPolicy).toEqual([
      {
        name: 'sh',
        exe: ['/bin/sh', '/usr/bin/sh'],
        id: 'sh_0',
        euser: ['root'],
        diff: 'changed',
        children: [{ name: 'py', exe: ['/bin/py'], id: 'py_0', children: [{ name: 'curl', exe: ['/usr/bin/curl'], id: 'curl_0', diff: 'added' }] }],
      },
    ]);
    expect(spec.networkPolicy).toEqual({
      ingress: [],
      egress: [
        { to: [{ dnsSelector: ['pypi.org'] }], ports: [{ protocol: 'TCP', port: 443 }], processes: ['py_0'], diff: 'added' },
        { to: [{ ipBlock: { cidr: '9.9.9.9/32' } }], ports: [{ protocol: 'TCP', port: 80 }], processes: ['curl_0'], diff: 'added' },
        { to: [{ ipBlock: { cidr: '1.1.1.1/32' } }], ports: [{ protocol: 'TCP', port: 443 }], processes: ['py_0'] },
      ],
    });
    expect(res.summary).toEqual({
      processesAdded: 1,
      processesChanged: 1,
      processesRemoved: 0,
      ingressAdded: 0,
      ingressRemoved: 0,
      egressAdded: 2,
      egressRemoved: 0,
      text: '+1 process, 1 process changed, +2 egress destinations',
    });
  });
  // Same text as spyctl v0.13.1 prints for these files (checked with the oracle).
  it('prints the text diff with +/- lines, 5 lines of context and ... at the end', () => {
    const res = diffPolicy(policy, [fp({ processes: [proc('sh', ['/bin/sh', '/usr/bin/sh'], 'sh_0', { euser: ['root'] })] })]);
    expect(res.text).toBe(
      [
        '  apiVersion: spyderbat/v1',
        '  kind: SpyderbatPolicy',
        '  metadata:',
        '    name: p',
        '    type: container',
        '  spec:',
        '    containerSelector:',
        "      image: docker.io/library/web:*",
        '    mode: audit',
        '    processPolicy:',
        '    - name: sh',
        '-     exe:',
        '-     - /bin/sh',
        '+     exe:',
        '+     - /bin/sh',
        '+     - /usr/bin/sh',
        '      id: sh_0',
        '      euser:',
        '      - root',
        '      children:',
        '      - name: py',
        '        exe:',
        '        - /bin/py',
        '        id: py_0',
        '    networkPolicy:',
        '      ingress: []',
        '      egress:',
        '      - to:',
        '        - ipBlock:',
        '            cidr: 1.1.1.1/32',
        '        processes:',
        '        - py_0',
        '...',
      ].join('\n'),
    );
  });
  it('a policy diffed with itself changes nothing', () => {
    const res = diffPolicy(policy, [policy]);
    expect(res.changed).toBe(false);
    expect(res.text).toBe('');
    expect(res.summary.text).toBe('no changes');
  });
});

describe('text summary', () => {
  it('keeps every line up to spec, key lines and changes with context', () => {
    const lines = ['  a', '  spec:', ...Array.from({ length: 20 }, (_, i) => `  l${i}`), '+ new', ...Array.from({ length: 8 }, (_, i) => `  t${i}`)];
    const out = summarizeDiffLines(lines).split('\n');
    expect(out.slice(0, 8)).toEqual(['  a', '  spec:', '  l0', '  l1', '  l2', '  l3', '  l4', '...']);
    expect(out).toContain('...');
    expect(out.slice(-8)).toEqual(['  l19', '+ new', '  t0', '  t1', '  t2', '  t3', '  t4', '...']);
  });
});

describe('summarizePolicyChange', () => {
  it('counts removed processes and peers and names a mode change', () => {
    const after = structuredClone(policy);
    after.spec.mode = 'enforce';
    after.spec.processPolicy = [proc('sh', '/bin/sh', 'sh_0', { euser: ['root'] })];
    after.spec.networkPolicy.egress = [];
    after.spec.networkPolicy.ingress = [{ from: [{ ipBlock: { cidr: '10.0.0.0/8' } }], ports: [{ protocol: 'TCP', port: 22 }] }];
    const s = summarizePolicyChange(policy, after);
    expect(s.modeChange).toBe('mode audit\u2192enforce');
    expect(s.text).toBe('mode audit\u2192enforce, \u22121 process, \u22121 egress destination, +1 ingress peer');
    expect(summarizePolicyChange(policy, policy).text).toBe('no changes');
  });
});
