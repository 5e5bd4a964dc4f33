/**
 * A linear, non-recursive estimate of how deeply a YAML text nests, used
 * before handing text to the recursive `yaml` package so that hostile input
 * cannot overflow the stack. It over-estimates: two levels per indentation
 * step (a map and an indentless sequence), one per compact `- `/`? `/`: `
 * indicator and one per open flow bracket.
 */

export interface DepthScan {
  /** Largest estimated depth (stops counting once over the limit). */
  depth: number;
  /** Line (1-based) where the estimate first exceeded the limit, or 0. */
  line: number;
}

const BLOCK_SCALAR_TAIL = /(?:^|[\s:-])[|>][-+0-9]{0,3}$/;

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\r';
}

export function scanDepth(text: string, limit: number): DepthScan {
  const indents: number[] = [];
  let flow = 0;
  let quote = '';
  let max = 0;
  let lineNo = 0;
  let blockScalarIndent = -1;
  let pos = 0;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    lineNo++;
    let i = pos;
    while (i < nl && isSpace(text[i])) i++;
    const indent = i - pos;
    const blank = i >= nl || text[i] === '#';
    if (indent === 0 && /^(?:---|\.\.\.)(?:\s|$)/.test(text.slice(pos, pos + 4))) {
      quote = '';
      flow = 0;
      blockScalarIndent = -1;
      indents.length = 0;
      pos = nl + 1;
      continue;
    }
    const inScalar = blockScalarIndent >= 0 && (blank || indent > blockScalarIndent);
    if (inScalar || (blank && flow === 0 && quote === '')) {
      pos = nl + 1;
      continue;
    }
    blockScalarIndent = -1;
    let depth = 0;
    if (flow === 0 && quote === '') {
      while (indents.length > 0 && (indents[indents.length - 1] ?? 0) > indent) indents.pop();
      if (indents[indents.length - 1] !== indent) indents.push(indent);
      depth = indents.length * 2;
    }
    let prev = '';
    let contentEnd = nl;
    for (; i < nl; i++) {
      const ch = text[i] ?? '';
      if (quote !== '') {
        if (ch === quote) quote = '';
        else if (ch === '\\' && quote === '"') i++;
        prev = 'x';
        continue;
      }
      if (isSpace(ch)) continue;
      if (ch === '#' && (prev === '' || isSpace(text[i - 1]))) {
        contentEnd = i;
        break;
      }
      const valueStart = prev === '' || prev === ':' || prev === '-' || prev === '?' || prev === ',' || prev === '[' || prev === '{';
      if ((ch === '"' || ch === "'") && valueStart) quote = ch;
      else if ((ch === '[' || ch === '{') && (valueStart || flow > 0)) flow++;
      else if ((ch === ']' || ch === '}') && flow > 0) flow--;
      else if ((ch === '-' || ch === '?' || ch === ':') && flow === 0 && (i + 1 >= nl || isSpace(text[i + 1]))) depth++;
      prev = ch;
      if (depth + flow > max) {
        max = depth + flow;
        if (max > limit) return { depth: max, line: lineNo };
      }
    }
    if (flow === 0 && quote === '' && BLOCK_SCALAR_TAIL.test(text.slice(Math.max(pos, contentEnd - 8), contentEnd).trimEnd())) {
      blockScalarIndent = indent;
    }
    if (depth + flow > max) {
      max = depth + flow;
      if (max > limit) return { depth: max, line: lineNo };
    }
    pos = nl + 1;
  }
  return { depth: max, line: 0 };
}
