import { describe, expect, it } from 'vitest';
import { diffPolicy } from '../../../engine/spyderbat/diff-policy.ts';
import { diffTree } from './diff-tree.ts';
import { deviatingFingerprint, nginxPolicy } from './test-fixtures.ts';

describe('diffTree', () => {
  it('keeps the path down to added nodes and folds unchanged subtrees into counts', () => {
    const r = diffPolicy(nginxPolicy(), [deviatingFingerprint()]);
    const t = diffTree(r.structured);
    expect(t.roots).toHaveLength(1);
    const root = t.roots[0];
    expect(root).toMatchObject({ name: 'nginx', id: 'nginx_0', tag: null, hidden: 0 });
    const worker = root?.children[0];
    expect(worker).toMatchObject({ id: 'nginx_1', tag: null });
    expect(worker?.children[0]).toMatchObject({ name: 'sh', tag: 'added', exe: ['/bin/sh'] });
    expect(worker?.children[0]?.children[0]).toMatchObject({ name: 'curl', tag: 'added' });
    expect(t.hiddenProcesses).toBe(0);
  });

  it('lists only tagged network atoms and counts the others', () => {
    const r = diffPolicy(nginxPolicy(), [deviatingFingerprint()]);
    const t = diffTree(r.structured);
    expect(t.atoms).toEqual([
      { direction: 'ingress', tag: 'added', peer: '10.9.9.9/32', port: '443/TCP', process: 'nginx_1' },
      { direction: 'egress', tag: 'added', peer: 'api.example.com', port: '443/TCP', process: 'curl_0' },
    ]);
    expect(t.unchangedAtoms).toEqual({ ingress: 1, egress: 0 });
  });

  it('reads hand-written tagged objects: removed subtrees, port ranges, unchanged roots', () => {
    const t = diffTree({
      spec: {
        processPolicy: [
          { name: 'a', id: 'a_0', exe: ['/a'], children: [{ name: 'b', id: 'b_0', exe: ['/b'] }] },
          { name: 'c', id: 'c_0', exe: ['/c'], diff: 'removed', children: [{ name: 'd', id: 'd_0', diff: 'removed' }] },
        ],
        networkPolicy: { ingress: [], egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] } }], ports: [{ port: 1000, endPort: 2000, protocol: 'UDP' }], diff: 'removed' }] },
      },
    });
    expect(t.hiddenProcesses).toBe(2);
    expect(t.roots.map((r) => [r.id, r.tag, r.children.map((c) => c.tag)])).toEqual([['c_0', 'removed', ['removed']]]);
    expect(t.atoms).toEqual([{ direction: 'egress', tag: 'removed', peer: '0.0.0.0/0 except 10.0.0.0/8', port: '1000-2000/UDP' }]);
    expect(diffTree(null)).toEqual({ roots: [], hiddenProcesses: 0, atoms: [], unchangedAtoms: { ingress: 0, egress: 0 } });
  });
});
