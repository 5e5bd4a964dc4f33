/**
 * A small implementation of the search query language: comparisons
 * `field op value` joined with AND / OR / NOT and parentheses.
 * Operators: `=`, `!=`, `~=` (glob, fnmatch), `!~=`, `<`, `<=`, `>`, `>=`.
 * Fields are dotted paths (`metadata.type`); `field[*]` compares any list item.
 * Values: "double" or 'single' quoted strings, numbers, true/false/null.
 */
import { fnmatch } from '../../engine/match/fnmatch.ts';
import { text } from '../../api/mappers.ts';

export type Op = '=' | '!=' | '~=' | '!~=' | '<' | '<=' | '>' | '>=';
export type Literal = string | number | boolean | null;

export type QueryNode =
  | { type: 'all' }
  | { type: 'and' | 'or'; items: QueryNode[] }
  | { type: 'not'; item: QueryNode }
  | { type: 'cmp'; field: string[]; any: boolean; op: Op; value: Literal };

export class QuerySyntaxError extends Error {
  constructor(message: string, readonly position: number) {
    super(`${message} at position ${position + 1}`);
    this.name = 'QuerySyntaxError';
  }
}

type Token = { kind: 'ident' | 'op' | 'str' | 'num' | 'lparen' | 'rparen'; text: string; value?: Literal; pos: number };

function tokenize(q: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < q.length) {
    const c = q[i] ?? '';
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')') {
      out.push({ kind: c === '(' ? 'lparen' : 'rparen', text: c, pos: i });
      i++;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      let s = '';
      while (j < q.length && q[j] !== c) {
        if (q[j] === '\\' && j + 1 < q.length) j++;
        s += q[j];
        j++;
      }
      if (j >= q.length) throw new QuerySyntaxError('unterminated string', i);
      out.push({ kind: 'str', text: s, value: s, pos: i });
      i = j + 1;
    } else {
      const op = /^(!~=|~=|!=|<=|>=|=|<|>)/.exec(q.slice(i));
      if (op?.[0]) {
        out.push({ kind: 'op', text: op[0], pos: i });
        i += op[0].length;
        continue;
      }
      const num = /^-?\d+(\.\d+)?(?![\w.])/.exec(q.slice(i));
      if (num?.[0]) {
        out.push({ kind: 'num', text: num[0], value: Number(num[0]), pos: i });
        i += num[0].length;
        continue;
      }
      const id = /^[A-Za-z_][\w.]*(\[\*\])?(\.[\w.]+)*/.exec(q.slice(i));
      if (!id?.[0]) throw new QuerySyntaxError(`unexpected character ${JSON.stringify(c)}`, i);
      out.push({ kind: 'ident', text: id[0], pos: i });
      i += id[0].length;
    }
  }
  return out;
}

export function parseQuery(query: string): QueryNode {
  const tokens = tokenize(query);
  if (tokens.length === 0) return { type: 'all' };
  let i = 0;
  const peek = (): Token | undefined => tokens[i];
  const keyword = (t: Token | undefined, k: string): boolean => t?.kind === 'ident' && t.text.toUpperCase() === k;
  const end = (): number => (tokens[tokens.length - 1]?.pos ?? 0) + 1;

  function or(): QueryNode {
    const items = [and()];
    while (keyword(peek(), 'OR')) {
      i++;
      items.push(and());
    }
    return items.length === 1 ? (items[0] as QueryNode) : { type: 'or', items };
  }
  function and(): QueryNode {
    const items = [not()];
    while (keyword(peek(), 'AND')) {
      i++;
      items.push(not());
    }
    return items.length === 1 ? (items[0] as QueryNode) : { type: 'and', items };
  }
  function not(): QueryNode {
    if (keyword(peek(), 'NOT')) {
      i++;
      return { type: 'not', item: not() };
    }
    return primary();
  }
  function primary(): QueryNode {
    const t = peek();
    if (!t) throw new QuerySyntaxError('expected a comparison', end());
    if (t.kind === 'lparen') {
      i++;
      const inner = or();
      if (peek()?.kind !== 'rparen') throw new QuerySyntaxError('expected )', peek()?.pos ?? end());
      i++;
      return inner;
    }
    if (t.kind !== 'ident') throw new QuerySyntaxError(`expected a field name, got ${JSON.stringify(t.text)}`, t.pos);
    i++;
    const opTok = peek();
    if (opTok?.kind !== 'op') throw new QuerySyntaxError(`expected an operator after ${t.text}`, opTok?.pos ?? end());
    i++;
    const v = peek();
    if (!v) throw new QuerySyntaxError('expected a value', end());
    i++;
    let value: Literal;
    if (v.kind === 'str' || v.kind === 'num') value = v.value ?? null;
    else if (v.kind === 'ident' && /^(true|false|null)$/i.test(v.text)) value = v.text.toLowerCase() === 'null' ? null : v.text.toLowerCase() === 'true';
    else throw new QuerySyntaxError(`expected a value, got ${JSON.stringify(v.text)}`, v.pos);
    const any = t.text.includes('[*]');
    const field = t.text.replace('[*]', '').split('.').filter(Boolean);
    return { type: 'cmp', field, any, op: opTok.text as Op, value };
  }

  const node = or();
  if (i < tokens.length) throw new QuerySyntaxError(`unexpected ${JSON.stringify(tokens[i]?.text)}`, tokens[i]?.pos ?? end());
  return node;
}

export function getField(row: unknown, path: readonly string[]): unknown {
  let cur: unknown = row;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

function compare(actual: unknown, op: Op, value: Literal): boolean {
  if (actual === undefined) return op === '!=' || op === '!~=' ? true : value === null && op === '=';
  const a = text(actual);
  const v = text(value);
  switch (op) {
    case '=':
      return typeof value === 'number' ? Number(actual) === value : a === v;
    case '!=':
      return typeof value === 'number' ? Number(actual) !== value : a !== v;
    case '~=':
      return fnmatch(a, v);
    case '!~=':
      return !fnmatch(a, v);
    default: {
      const x = typeof value === 'number' ? Number(actual) : a;
      const y = typeof value === 'number' ? value : v;
      if (op === '<') return x < y;
      if (op === '<=') return x <= y;
      if (op === '>') return x > y;
      return x >= y;
    }
  }
}

export function matches(node: QueryNode, row: unknown): boolean {
  switch (node.type) {
    case 'all':
      return true;
    case 'and':
      return node.items.every((n) => matches(n, row));
    case 'or':
      return node.items.some((n) => matches(n, row));
    case 'not':
      return !matches(node.item, row);
    case 'cmp': {
      const actual = getField(row, node.field);
      if (node.any || Array.isArray(actual)) {
        const list = Array.isArray(actual) ? (actual as unknown[]) : [];
        const negative = node.op === '!=' || node.op === '!~=';
        return negative ? list.every((x) => compare(x, node.op, node.value)) : list.some((x) => compare(x, node.op, node.value));
      }
      return compare(actual, node.op, node.value);
    }
  }
}
