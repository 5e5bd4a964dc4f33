import { describe, expect, it } from 'vitest';
import { proc } from '../__fixtures__/spyderbat/builders.ts';
import { ProcForest } from './process-forest.ts';

function merged(base: unknown[], other: unknown[], symmetric: boolean): { data: unknown; idMap: Map<string, string> } {
  const f = ProcForest.parse(base);
  const o = ProcForest.parse(other, f);
  f.merge(o, symmetric);
  return { data: f.toData(), idMap: o.idMap() };
}

describe('process matching', () => {
  it('asymmetric: name by glob and every exe matched exactly, by glob or by file name', () => {
    const base = [proc('python*', ['/usr/local/bin/python3.*'], 'py_0', { euser: ['app'] })];
    const other = [proc('python3.12', ['/opt/python/bin/python3.12'], 'python_0', { euser: ['app'] })];
    const { data, idMap } = merged(base, other, false);
    expect(idMap.get('python_0')).toBe('py_0');
    // Matched by file-name glob; the exe is not covered by a path glob, so it is added.
    expect(data).toEqual([{ name: 'python*', exe: ['/opt/python/bin/python3.12', '/usr/local/bin/python3.*'], id: 'py_0', euser: ['app'] }]);
  });
  it('asymmetric: a name outside the glob does not match and is copied in as a new root', () => {
    const { data } = merged([proc('sh', '/bin/sh', 'sh_0', { euser: ['root'] })], [proc('bash', '/bin/sh', 'sh_0', { euser: ['root'] })], false);
    expect((data as { id: string }[]).map((n) => n.id)).toEqual(['sh_0', 'sh_1']);
  });
  it('symmetric: tried both ways; different names sharing an exe get a wildcard name', () => {
    const base = [proc('iptables', '/usr/sbin/xtables-legacy-multi', 'iptables_0', { euser: ['root'] })];
    const other = [proc('ip6tables', '/usr/sbin/xtables-legacy-multi', 'ip6tables_0', { euser: ['root'] })];
    expect(merged(base, other, true).data).toEqual([{ name: '*tables', exe: ['/usr/sbin/xtables-legacy-multi'], id: 'iptables_0', euser: ['root'] }]);
  });
  it('symmetric: no overlapping exe keeps trees apart (python3.11 vs python3.12)', () => {
    const base = [proc('python3.11', '/usr/local/bin/python3.11', 'python_0', { euser: ['app'] })];
    const other = [proc('python3.12', '/usr/local/bin/python3.12', 'python_0', { euser: ['app'] })];
    expect((merged(base, other, true).data as { name: string; id: string }[]).map((n) => `${n.name}/${n.id}`)).toEqual([
      'python3.11/python_0',
      'python3.12/python_1',
    ]);
  });
  it('first match wins: the earlier sibling takes the node and its children', () => {
    const base = [
      proc('sh', '/bin/sh', 'sh_0', { euser: ['root'] }),
      proc('sh', ['/bin/sh', '/bin/dash'], 'sh_1', { euser: ['root'] }),
    ];
    const other = [proc('sh', '/bin/sh', 'x_0', { euser: ['root'], children: [proc('cat', '/bin/cat', 'cat_0')] })];
    const { data, idMap } = merged(base, other, false);
    expect(idMap.get('x_0')).toBe('sh_0');
    expect((data as { children?: unknown[] }[])[0]?.children).toEqual([{ name: 'cat', exe: ['/bin/cat'], id: 'cat_0' }]);
  });
});

describe('process ids and output order', () => {
  it('renames a copied node whose id is taken (sh_2 → sh_3) and appends _0 otherwise', () => {
    const base = [proc('sh', '/bin/sh', 'sh_2', { euser: ['root'], children: [proc('top', '/bin/top', 'top')] })];
    const other = [
      proc('zsh', '/bin/zsh', 'sh_2', { euser: ['root'] }),
      proc('htop', '/bin/htop', 'top', { euser: ['root'] }),
    ];
    const { data, idMap } = merged(base, other, false);
    expect((data as { id: string }[]).map((n) => n.id)).toEqual(['sh_2', 'sh_3', 'top_0']);
    expect(idMap).toEqual(new Map([['sh_2', 'sh_3'], ['top', 'top_0']]));
  });
  it('sorts exes and children by name, keeps root order, prints euser only where it differs from the parent', () => {
    const base = [proc('b', ['/z', '/a'], 'b_0', { euser: ['root'], children: [proc('zz', '/zz', 'zz_0', { euser: ['root'] })] })];
    const other = [proc('b', '/a', 'b_0', { euser: ['root'], children: [proc('aa', '/aa', 'aa_0', { euser: ['www'] })] })];
    expect(merged(base, other, false).data).toEqual([
      {
        name: 'b',
        exe: ['/a', '/z'],
        id: 'b_0',
        euser: ['root'],
        children: [
          { name: 'aa', exe: ['/aa'], id: 'aa_0', euser: ['www'] },
          { name: 'zz', exe: ['/zz'], id: 'zz_0' },
        ],
      },
    ]);
  });
  it('a child without euser inherits its parent\'s users without sharing them (spyctl bug fixed)', () => {
    const base = [proc('cron', '/usr/sbin/cron', 'cron_0', { euser: ['root'], children: [proc('sh', '/bin/sh', 'sh_0')] })];
    const other = [proc('cron', '/usr/sbin/cron', 'cron_0', { euser: ['root'], children: [proc('sh', '/bin/sh', 'sh_0', { euser: ['backup'] })] })];
    expect(merged(base, other, false).data).toEqual([
      { name: 'cron', exe: ['/usr/sbin/cron'], id: 'cron_0', euser: ['root'], children: [{ name: 'sh', exe: ['/bin/sh'], id: 'sh_0', euser: ['backup', 'root'] }] },
    ]);
  });
  it('merges listening sockets without widening and sorts them by port', () => {
    const base = [proc('srv', '/srv', 'srv_0', { euser: ['root'], listeningSockets: [{ port: 8080, protocol: 'TCP', endPort: 8090 }] })];
    const other = [proc('srv', '/srv', 'srv_0', { euser: ['root'], listeningSockets: [{ port: 8085, protocol: 'TCP' }, { port: 443, protocol: 'TCP' }] })];
    expect((merged(base, other, false).data as { listeningSockets: unknown }[])[0]?.listeningSockets).toEqual([
      { protocol: 'TCP', port: 443 },
      { protocol: 'TCP', port: 8080, endPort: 8090 },
    ]);
  });
  it('a deviation policyNode adds children under the existing node', () => {
    const base = [proc('sh', '/bin/sh', 'sh_0', { euser: ['root'], children: [proc('py', '/bin/py', 'py_0')] })];
    const other = [{ policyNode: { id: 'py_0', children: [proc('curl', '/usr/bin/curl', 'curl_0')] } }];
    const { data } = merged(base, other, false);
    expect(data).toEqual([
      { name: 'sh', exe: ['/bin/sh'], id: 'sh_0', euser: ['root'], children: [{ name: 'py', exe: ['/bin/py'], id: 'py_0', children: [{ name: 'curl', exe: ['/usr/bin/curl'], id: 'curl_0' }] }] },
    ]);
  });
  it('reports a policyNode id missing from the base instead of throwing', () => {
    const f = ProcForest.parse([proc('sh', '/bin/sh', 'sh_0', { euser: ['root'] })]);
    const o = ProcForest.parse([{ policyNode: { id: 'nope', children: [] } }], f);
    expect(o.roots).toEqual([]);
    expect(o.problems[0]).toMatch(/nope/);
  });
});
