import { describe, expect, it } from 'vitest';
import type { ProcessNode } from '../../engine/model/types.ts';
import { ancestorsOf, expandedToDepth, formatPort, indexTree, searchTree, visibleRows } from './tree-model.ts';

const tree: ProcessNode[] = [
  {
    name: 'containerd-shim',
    exe: ['/usr/bin/containerd-shim-runc-v2'],
    id: 'shim_0',
    euser: ['root'],
    children: [
      {
        name: 'nginx',
        exe: ['/usr/sbin/nginx'],
        id: 'nginx_0',
        listeningSockets: [{ port: 80, protocol: 'TCP' }, { port: 8000, endPort: 8010, protocol: 'TCP' }],
        children: [{ name: 'nginx', exe: ['/usr/sbin/nginx'], id: 'nginx_1', euser: ['www-data'] }],
      },
      { name: 'sh', exe: ['/bin/dash'], id: 'sh_0', children: [{ name: 'curl', exe: ['/usr/bin/curl'], id: 'curl_0' }] },
    ],
  },
];

describe('indexTree', () => {
  it('records parents, depth and inherited euser', () => {
    const idx = indexTree(tree);
    expect(idx.order).toEqual(['shim_0', 'nginx_0', 'nginx_1', 'sh_0', 'curl_0']);
    expect(idx.byId.get('nginx_0')).toMatchObject({ parentId: 'shim_0', depth: 1, euser: ['root'], inheritedEuser: true });
    expect(idx.byId.get('nginx_1')).toMatchObject({ depth: 2, euser: ['www-data'], inheritedEuser: false });
    expect(idx.byId.get('curl_0')?.euser).toEqual(['root']);
    expect([...idx.parents].sort()).toEqual(['nginx_0', 'sh_0', 'shim_0']);
    expect(ancestorsOf(idx, 'curl_0')).toEqual(['shim_0', 'sh_0']);
    expect(ancestorsOf(idx, 'shim_0')).toEqual([]);
  });
});

describe('visibleRows', () => {
  it('shows children only under expanded nodes', () => {
    expect(visibleRows(tree, new Set()).map((r) => r.id)).toEqual(['shim_0']);
    const rows = visibleRows(tree, new Set(['shim_0', 'sh_0']));
    expect(rows.map((r) => [r.id, r.depth, r.expanded])).toEqual([
      ['shim_0', 0, true],
      ['nginx_0', 1, false],
      ['sh_0', 1, true],
      ['curl_0', 2, false],
    ]);
  });
  it('opens to a depth', () => {
    expect([...expandedToDepth(indexTree(tree), 1)]).toEqual(['shim_0']);
    expect(visibleRows(tree, expandedToDepth(indexTree(tree), 9))).toHaveLength(5);
  });
});

describe('searchTree', () => {
  const idx = indexTree(tree);
  it('finds by name, exe, euser, id and port, and opens the path to each match', () => {
    expect(searchTree(idx, 'CURL')).toMatchObject({ matches: ['curl_0'] });
    expect([...searchTree(idx, 'curl').expand]).toEqual(['shim_0', 'sh_0']);
    expect(searchTree(idx, '/usr/sbin/nginx').matches).toEqual(['nginx_0', 'nginx_1']);
    expect(searchTree(idx, 'www-data').matches).toEqual(['nginx_1']);
    expect(searchTree(idx, 'sh_0').matches).toEqual(['sh_0']);
    expect(searchTree(idx, 'tcp 8000').matches).toEqual(['nginx_0']);
  });
  it('searches the inherited euser too', () => {
    expect(searchTree(idx, 'root').matches).toEqual(['shim_0', 'nginx_0', 'sh_0', 'curl_0']);
  });
  it('returns nothing for a blank query or no match', () => {
    expect(searchTree(idx, '  ').matches).toEqual([]);
    const none = searchTree(idx, 'zzz');
    expect([none.matches, [...none.expand], [...none.onPath]]).toEqual([[], [], []]);
  });
  it('puts matches and their ancestors on the path', () => {
    expect([...searchTree(idx, 'curl').onPath].sort()).toEqual(['curl_0', 'sh_0', 'shim_0']);
  });
});

describe('formatPort', () => {
  it('prints ranges', () => {
    expect(formatPort({ port: 80, protocol: 'TCP' })).toBe('TCP 80');
    expect(formatPort({ port: 8000, endPort: 8010, protocol: 'UDP' })).toBe('UDP 8000–8010');
  });
});
