/** A small line tokenizer for highlighting YAML that Palisade printed (block style). */

export type YamlTokenKind = 'key' | 'string' | 'number' | 'bool' | 'null' | 'comment' | 'punct' | 'text';

export interface YamlToken {
  kind: YamlTokenKind;
  text: string;
}

const KEY = /^((?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{[\]},&*!|>%@`-][^#]*?|-[^\s#][^#]*?)):(?=\s|$)/;

function scalarKind(v: string): YamlTokenKind {
  if (/^(["']).*\1$/.test(v)) return 'string';
  if (/^[-+]?(\d[\d_]*(\.\d*)?([eE][-+]?\d+)?|\.inf|\.nan|0x[0-9a-fA-F]+|0o[0-7]+)$/.test(v)) return 'number';
  if (/^(true|false|True|False|TRUE|FALSE)$/.test(v)) return 'bool';
  if (/^(null|Null|NULL|~)$/.test(v)) return 'null';
  return 'text';
}

/** Splits a value into the scalar and a trailing comment (` # …`). */
function valueTokens(rest: string): YamlToken[] {
  const out: YamlToken[] = [];
  if (rest === '') return out;
  const lead = /^\s*/.exec(rest)?.[0] ?? '';
  if (lead) out.push({ kind: 'text', text: lead });
  let body = rest.slice(lead.length);
  let comment = '';
  if (body.startsWith('#')) {
    comment = body;
    body = '';
  } else if (!/^["']/.test(body)) {
    const i = body.search(/\s#/);
    if (i >= 0) {
      comment = body.slice(i);
      body = body.slice(0, i);
    }
  }
  if (body) {
    if (/^[[{]/.test(body) || /^[|>][-+]?\d*$/.test(body)) out.push({ kind: 'punct', text: body });
    else out.push({ kind: scalarKind(body.trimEnd()), text: body });
  }
  if (comment) out.push({ kind: 'comment', text: comment });
  return out;
}

export function tokenizeYamlLine(line: string): YamlToken[] {
  const out: YamlToken[] = [];
  const indent = /^\s*/.exec(line)?.[0] ?? '';
  if (indent) out.push({ kind: 'text', text: indent });
  let rest = line.slice(indent.length);
  if (rest === '---' || rest === '...') return [...out, { kind: 'punct', text: rest }];
  if (rest.startsWith('#')) return [...out, { kind: 'comment', text: rest }];
  for (let m = /^-(\s+|$)/.exec(rest); m; m = /^-(\s+|$)/.exec(rest)) {
    out.push({ kind: 'punct', text: m[0] });
    rest = rest.slice(m[0].length);
  }
  const key = KEY.exec(rest);
  if (key?.[1] !== undefined) {
    out.push({ kind: 'key', text: key[1] }, { kind: 'punct', text: ':' });
    rest = rest.slice(key[0].length);
  }
  return [...out, ...valueTokens(rest)];
}

export function tokenizeYaml(text: string): YamlToken[][] {
  const lines = text.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines.map(tokenizeYamlLine);
}
