import { describe, expect, it } from 'vitest';
import { matches, parseQuery, QuerySyntaxError } from './query-language.ts';

const row = {
  policy_uid: 'pol:abc',
  time: 1700000100,
  severity: 'high',
  image: 'docker.io/library/nginx:1.25.3',
  metadata: { type: 'container', name: 'nginx' },
  class: ['redflag', 'proc'],
};

const q = (query: string): boolean => matches(parseQuery(query), row);

describe('search query language', () => {
  it('matches everything with an empty query', () => {
    expect(q('')).toBe(true);
    expect(q('   ')).toBe(true);
  });

  it('compares strings, numbers, dotted fields and globs', () => {
    expect(q('policy_uid = "pol:abc"')).toBe(true);
    expect(q("policy_uid = 'pol:xyz'")).toBe(false);
    expect(q('metadata.type = "container"')).toBe(true);
    expect(q('time >= 1700000100 AND time < 1700000101')).toBe(true);
    expect(q('time > 1700000100')).toBe(false);
    expect(q('image ~= "docker.io/library/nginx:*"')).toBe(true);
    expect(q('image ~= "*redis*"')).toBe(false);
    expect(q('image !~= "*redis*"')).toBe(true);
    expect(q('severity != "low"')).toBe(true);
  });

  it('combines with AND / OR / NOT and parentheses, keywords in any case', () => {
    expect(q('severity = "low" OR severity = "high"')).toBe(true);
    expect(q('(severity = "low" or severity = "high") and metadata.name = "nginx"')).toBe(true);
    expect(q('NOT severity = "high"')).toBe(false);
    expect(q('severity = "high" AND NOT (image ~= "*nginx*")')).toBe(false);
  });

  it('compares list items with [*] (any) and treats missing fields as absent', () => {
    expect(q('class[*] = "proc"')).toBe(true);
    expect(q('class[*] = "conn"')).toBe(false);
    expect(q('namespace = "default"')).toBe(false);
    expect(q('namespace != "default"')).toBe(true);
  });

  it('unescapes quoted strings', () => {
    expect(matches(parseQuery('name = "a \\"b\\" c"'), { name: 'a "b" c' })).toBe(true);
  });

  it('rejects malformed queries with a position', () => {
    for (const bad of ['image =', 'image "x"', '(severity = "high"', 'severity = "high" AND', '= "x"', 'a = "unterminated', 'a = b']) {
      expect(() => parseQuery(bad), bad).toThrow(QuerySyntaxError);
    }
  });
});
