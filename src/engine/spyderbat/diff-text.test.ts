import { describe, expect, it } from 'vitest';
import { policyOf, proc } from '../__fixtures__/spyderbat/builders.ts';
import type { Json } from './inputs.ts';
import { diffText, fullDiffLines } from './diff-text.ts';

function spec(processPolicy: unknown): Json {
  return policyOf({ processPolicy }) as unknown as Json;
}

describe('text diff', () => {
  it('keeps a changed node\'s children under it (spyctl printed them under the next sibling)', () => {
    const before = spec([proc('a', '/bin/a', 'a_0', { euser: ['root'], children: [proc('b', '/bin/b', 'b_0', { children: [proc('g', '/bin/g', 'g_0')] }), proc('c', '/bin/c', 'c_0')] })]);
    const after = spec([proc('a', '/bin/a', 'a_0', { euser: ['root'], children: [proc('b', ['/bin/b', '/usr/bin/b'], 'b_0', { children: [proc('g', ['/bin/g', '/usr/bin/g'], 'g_0')] }), proc('c', '/bin/c', 'c_0')] })]);
    const lines = fullDiffLines(before, after);
    const at = (text: string): number => lines.findIndex((l) => l.endsWith(text));
    expect(at('- name: g')).toBeGreaterThan(at('id: b_0'));
    expect(at('- name: g')).toBeLessThan(at('- name: c'));
    expect(lines.slice(at('- name: g'), at('- name: g') + 6)).toEqual([
      '        - name: g',
      '-         exe:',
      '-         - /bin/g',
      '+         exe:',
      '+         - /bin/g',
      '+         - /usr/bin/g',
    ]);
  });
  it('prints a node\'s new fields before its children', () => {
    const before = spec([proc('a', '/bin/a', 'a_0', { euser: ['root'], children: [proc('b', '/bin/b', 'b_0')] })]);
    const after = spec([proc('a', '/bin/a', 'a_0', { euser: ['root'], listeningSockets: [{ protocol: 'TCP', port: 80 }], children: [proc('b', '/bin/b', 'b_0')] })]);
    const lines = fullDiffLines(before, after);
    expect(lines.indexOf('+     listeningSockets:')).toBeLessThan(lines.indexOf('      children:'));
    expect(lines.indexOf('+     listeningSockets:')).toBeGreaterThan(lines.indexOf('      - root'));
  });
  it('groups touching changes: removed lines first, then added lines', () => {
    const before = { a: 1, b: 2, c: 3 };
    const after = { a: 10, b: 20, c: 3 };
    expect(fullDiffLines(before, after)).toEqual(['- a: 1', '- b: 2', '+ a: 10', '+ b: 20', '  c: 3']);
  });
  it('adds new process nodes after the list and marks removed ones', () => {
    const before = spec([proc('a', '/bin/a', 'a_0', { euser: ['root'] }), proc('x', '/bin/x', 'x_0', { euser: ['root'] })]);
    const after = spec([proc('a', '/bin/a', 'a_0', { euser: ['root'] }), proc('n', '/bin/n', 'n_0', { euser: ['root'] })]);
    const text = diffText(before, after);
    expect(text).toContain('-   - name: x\n-     exe:\n-     - /bin/x\n-     id: x_0\n-     euser:\n-     - root\n+   - name: n\n+     exe:');
  });
  it('shows a field whose type changed as removed and added', () => {
    expect(fullDiffLines({ a: [1] }, { a: 'x' })).toEqual(['- a:', '- - 1', '+ a: x']);
  });
});
