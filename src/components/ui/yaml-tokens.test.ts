import { describe, expect, it } from 'vitest';
import { tokenizeYaml, tokenizeYamlLine } from './yaml-tokens.ts';

const kinds = (line: string) => tokenizeYamlLine(line).map((t) => [t.kind, t.text]);

describe('tokenizeYamlLine', () => {
  it('splits keys, punctuation and scalars', () => {
    expect(kinds('apiVersion: spyderbat/v1')).toEqual([['key', 'apiVersion'], ['punct', ':'], ['text', ' '], ['text', 'spyderbat/v1']]);
    expect(kinds('  port: 443')).toEqual([['text', '  '], ['key', 'port'], ['punct', ':'], ['text', ' '], ['number', '443']]);
    expect(kinds('- name: nginx')).toEqual([['punct', '- '], ['key', 'name'], ['punct', ':'], ['text', ' '], ['text', 'nginx']]);
    expect(kinds('  - - 10.0.0.1/32')).toEqual([['text', '  '], ['punct', '- '], ['punct', '- '], ['text', '10.0.0.1/32']]);
    expect(kinds('enabled: false # off')).toEqual([['key', 'enabled'], ['punct', ':'], ['text', ' '], ['bool', 'false'], ['comment', ' # off']]);
    expect(kinds('x: null')).toContainEqual(['null', 'null']);
  });
  it('keeps quoted keys and values whole, including colons and hashes', () => {
    expect(kinds('"a: b": \'c # d\'')).toEqual([['key', '"a: b"'], ['punct', ':'], ['text', ' '], ['string', "'c # d'"]]);
    expect(kinds('image: docker.io/library/nginx:1.25')).toEqual([['key', 'image'], ['punct', ':'], ['text', ' '], ['text', 'docker.io/library/nginx:1.25']]);
  });
  it('leaves text alone: the tokens join back to the line', () => {
    for (const line of ['  - name: "<script>alert(1)</script>"', 'exe: [/bin/sh]', '# comment', '---', 'key:', 'cgroup: systemd:/system.slice/x.service']) {
      expect(tokenizeYamlLine(line).map((t) => t.text).join('')).toBe(line);
    }
  });
});

describe('tokenizeYaml', () => {
  it('tokenizes every line and drops the final newline', () => {
    expect(tokenizeYaml('a: 1\nb: 2\n')).toHaveLength(2);
  });
});
