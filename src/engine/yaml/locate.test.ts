import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseYaml } from './parse.ts';
import { formatPath, parsePath } from './path.ts';

const TEXT = `apiVersion: spyderbat/v1
spec:
  namespaceSelector:
    matchLabels:
      kubernetes.io/metadata.name: default
  processPolicy:
  - name: nginx
    exe: [/usr/sbin/nginx, /bin/sh]
    id: nginx_0
    children:
    - name: worker
      id: nginx_1
  empty:
  list:
  -
  - x
`;

function at(path: string, text = TEXT) {
  const doc = parseYaml(text)[0];
  const r = doc?.locate(path);
  return r && `${r.line}:${r.column}-${r.endLine}:${r.endColumn}${r.exact ? '' : ' (ancestor)'}`;
}

describe('locate', () => {
  it('spans a key and its scalar value', () => {
    expect(at('apiVersion')).toBe('1:1-1:25');
    expect(at('spec.processPolicy[0].id')).toBe('9:5-9:16');
    expect(at('spec.processPolicy[0].children[0].id')).toBe('12:7-12:18');
  });

  it('marks a block collection by its key, and a list item by its first line', () => {
    expect(at('spec')).toBe('2:1-2:5');
    expect(at('spec.processPolicy')).toBe('6:3-6:16');
    expect(at('spec.processPolicy[0]')).toBe('7:5-7:16');
    expect(at('spec.processPolicy[0].children[0]')).toBe('11:7-11:19');
  });

  it('reaches into flow collections and quoted or dotted keys', () => {
    expect(at('spec.processPolicy[0].exe')).toBe('8:5-8:36');
    expect(at('spec.processPolicy[0].exe[1]')).toBe('8:28-8:35');
    expect(at('spec.namespaceSelector.matchLabels["kubernetes.io/metadata.name"]')).toBe('5:7-5:43');
  });

  it('handles null values and null list items', () => {
    expect(at('spec.empty')).toBe('13:3-13:9');
    expect(at('spec.list[0]')).toBe('15:4-15:4');
    expect(at('spec.list[1]')).toBe('16:5-16:6');
  });

  it('falls back to the nearest existing ancestor', () => {
    expect(at('spec.processPolicy[0].euser')).toBe('7:5-7:16 (ancestor)');
    expect(at('spec.processPolicy[5].id')).toBe('6:3-6:16 (ancestor)');
    expect(at('spec.mode.x')).toBe('2:1-2:5 (ancestor)');
  });

  it('gives the same positions on the fast path and the yaml-package path', () => {
    const slow = `${TEXT}anchor: &a 1\n`;
    for (const path of ['spec.processPolicy[0].exe[1]', 'spec.processPolicy[0].children[0]', 'spec.namespaceSelector.matchLabels', 'spec.list[1]']) {
      expect(at(path, slow)).toBe(at(path));
    }
  });
});

describe('paths', () => {
  it('formats dotted and bracket forms', () => {
    expect(formatPath(['spec', 'processPolicy', 0, 'children', 1, 'id'])).toBe('spec.processPolicy[0].children[1].id');
    expect(formatPath(['matchLabels', 'app.kubernetes.io/name'])).toBe('matchLabels["app.kubernetes.io/name"]');
    expect(formatPath([])).toBe('');
    expect(formatPath(['items', 2, 'spec'])).toBe('items[2].spec');
  });

  it('parses what it formats', () => {
    const seg = fc.oneof(fc.string(), fc.nat({ max: 1000 }));
    fc.assert(
      fc.property(fc.array(seg, { maxLength: 6 }), (path) => {
        const normalized = path.filter((s, i) => !(i === 0 && typeof s === 'number'));
        expect(parsePath(formatPath(normalized))).toEqual(normalized);
      }),
      { numRuns: 500 },
    );
  });
});
