/**
 * A fast parser for the block-style YAML that spyctl and Palisade write
 * (PyYAML-like: block maps and sequences, one-line scalars and flow
 * collections, comments, `---` separators). It is iterative, builds values and a
 * position tree in one pass, and gives up (returns `fallback`) on anything else
 * — anchors, tags, block scalars, multi-line scalars, odd indentation, errors —
 * so the `yaml` package, which is several times slower, handles those.
 */
import { isIndicatorAt, parseInlineValue, parseQuoted, restIsEmpty } from './fast-inline.ts';
import { Fallback, fail, findKeyEnd, firstUnsupported, keyText, lineOf } from './fast-lex.ts';
import { feedScalar } from './fast-scalar.ts';
import type { Frame, OpenScalar, Slot } from './fast-scalar.ts';
import { pMap, pScalar, pSeq } from './pos-tree.ts';
import type { PMap, PNode, PSeq } from './pos-tree.ts';

export interface RawDoc {
  value: unknown;
  tree: PNode | null;
  startLine: number;
}

export type FastResult =
  | { kind: 'ok'; docs: RawDoc[] }
  | { kind: 'fallback'; line: number }
  | { kind: 'too-deep'; line: number };

/** Deepest nesting of collections accepted anywhere. */
export const MAX_DEPTH = 200;

interface Pending {
  parent: Frame | null;
  indent: number;
  slot: number;
  key: string;
  line: number;
  col: number;
}

class TooDeep extends Error {
  constructor(readonly line: number) {
    super('too deep');
  }
}

export function fastParse(text: string): FastResult {
  const unsupported = firstUnsupported(text);
  if (unsupported >= 0) return { kind: 'fallback', line: lineOf(text, unsupported) };
  const parser = new BlockParser();
  let lineNo = 0;
  try {
    let pos = 0;
    while (pos <= text.length) {
      let nl = text.indexOf('\n', pos);
      if (nl < 0) nl = text.length;
      let end = nl;
      if (end > pos && text.charCodeAt(end - 1) === 13) end--;
      lineNo++;
      parser.line(text.slice(pos, end), lineNo);
      pos = nl + 1;
    }
    return { kind: 'ok', docs: parser.finish() };
  } catch (e) {
    if (e instanceof TooDeep) return { kind: 'too-deep', line: e.line };
    if (e instanceof Fallback) return { kind: 'fallback', line: lineNo };
    throw e;
  }
}

class BlockParser {
  private docs: RawDoc[] = [];
  private stack: Frame[] = [];
  private pending: Pending | null = null;
  private root: { value: unknown; tree: PNode | null } | null = null;
  private docStart = 1;
  private explicitDoc = false;
  private hasContent = false;
  /** After a one-line value: deeper lines would be a continuation (unsupported). */
  private ownerIndent = -1;
  private scalar: OpenScalar | null = null;

  line(line: string, lineNo: number): void {
    let indent = 0;
    while (line.charCodeAt(indent) === 32) indent++;
    if (this.scalar && this.continueScalar(this.scalar, line, indent, lineNo)) return;
    if (indent === line.length || line.charCodeAt(indent) === 35) return;
    if (indent === 0 && (line.startsWith('---') || line.startsWith('...')) && (line.length === 3 || line[3] === ' ')) {
      if (line[0] === '.' || !restIsEmpty(line, 3)) fail();
      this.endDoc();
      this.explicitDoc = true;
      this.docStart = lineNo;
      return;
    }
    if (indent === 0 && line[0] === '%') fail();
    if (!this.hasContent) {
      this.hasContent = true;
      if (!this.explicitDoc) this.docStart = lineNo;
      this.pending = { parent: null, indent: -1, slot: 0, key: '', line: lineNo, col: 1 };
    }
    this.content(line, indent, lineNo);
  }

  private content(line: string, n: number, lineNo: number): void {
    const dash = isIndicatorAt(line, n, '-');
    const p = this.pending;
    if (p) {
      this.pending = null;
      const sameIndentSeq = n === p.indent && dash && p.parent !== null && !p.parent.seq;
      if (n > p.indent || sameIndentSeq) {
        const frame = this.open(dash, n, lineNo);
        this.setSlot(p, frame.value, frame.node);
        this.ownerIndent = -1;
      } else {
        this.setSlot(p, null, pScalar(p.line, p.col, p.line, p.col));
      }
    } else if (this.ownerIndent >= 0 && n > this.ownerIndent) {
      fail();
    }
    this.ownerIndent = -1;
    const stack = this.stack;
    let top = stack[stack.length - 1];
    while (top && (top.indent > n || (top.seq && top.indent === n && !dash))) {
      stack.pop();
      top = stack[stack.length - 1];
    }
    if (!top || top.indent !== n) fail();
    if (top.seq) this.seqItem(top, line, n, lineNo);
    else this.mapEntry(top, line, n, lineNo);
  }

  private open(seq: boolean, indent: number, lineNo: number): Frame {
    if (this.stack.length >= MAX_DEPTH) throw new TooDeep(lineNo);
    const node = seq ? pSeq(lineNo, indent + 1, false) : pMap(lineNo, indent + 1, false);
    const frame: Frame = { seq, indent, value: seq ? [] : {}, node };
    this.stack.push(frame);
    return frame;
  }

  private setSlot(p: Slot, value: unknown, node: PNode): void {
    const parent = p.parent;
    if (!parent) {
      this.root = { value, tree: node };
    } else if (parent.seq) {
      (parent.value as unknown[])[p.slot] = value;
      (parent.node as PSeq).items[p.slot] = node;
    } else {
      (parent.value as Record<string, unknown>)[p.key] = value;
      (parent.node as PMap).vals[p.slot] = node;
    }
  }

  private seqItem(frame: Frame, line: string, n: number, lineNo: number): void {
    if (!isIndicatorAt(line, n, '-')) fail();
    const seq = frame.value as unknown[];
    const node = frame.node as PSeq;
    const slot = seq.length;
    seq.push(null);
    let c = n + 1;
    while (line.charCodeAt(c) === 32) c++;
    if (c >= line.length || (line.charCodeAt(c) === 35 && c > n + 1)) {
      node.items.push(pScalar(lineNo, n + 2, lineNo, n + 2));
      this.pending = { parent: frame, indent: n, slot, key: '', line: lineNo, col: n + 2 };
      return;
    }
    if (isIndicatorAt(line, c, '-')) fail();
    const keyEnd = findKeyEnd(line, c);
    if (keyEnd >= 0) {
      const map = this.open(false, c, lineNo);
      seq[slot] = map.value;
      node.items.push(map.node);
      this.mapEntry(map, line, c, lineNo, keyEnd);
      return;
    }
    node.items.push(pScalar(lineNo, c + 1, lineNo, c + 1));
    this.inlineValue(line, c, lineNo, n, { parent: frame, slot, key: '' });
  }

  private mapEntry(frame: Frame, line: string, n: number, lineNo: number, knownEnd = -2): void {
    const keyEnd = knownEnd === -2 ? findKeyEnd(line, n) : knownEnd;
    if (keyEnd < 0) fail();
    const key = keyText(line, n, keyEnd);
    const obj = frame.value as Record<string, unknown>;
    if (Object.hasOwn(obj, key)) fail();
    const node = frame.node as PMap;
    const slot = node.keys.length;
    let keyLast = keyEnd;
    while (keyLast > n && line.charCodeAt(keyLast - 1) === 32) keyLast--;
    node.keys.push(key);
    node.keyPos.push(lineNo, n + 1, keyLast + 1);
    let c = keyEnd + 1;
    while (line.charCodeAt(c) === 32) c++;
    if (c >= line.length || (line.charCodeAt(c) === 35 && c > keyEnd + 1)) {
      obj[key] = null;
      node.vals.push(pScalar(lineNo, keyEnd + 2, lineNo, keyEnd + 2));
      this.pending = { parent: frame, indent: n, slot, key, line: lineNo, col: keyEnd + 2 };
      return;
    }
    node.vals.push(pScalar(lineNo, c + 1, lineNo, c + 1));
    this.inlineValue(line, c, lineNo, n, { parent: frame, slot, key });
  }

  /** A value on the rest of the line; plain and single-quoted ones may continue below. */
  private inlineValue(line: string, c: number, lineNo: number, owner: number, target: Slot): void {
    if (line[c] === "'" && parseQuoted(line, c) === null) {
      const text = line.slice(c + 1).replaceAll("''", "'").trimEnd();
      const node = pScalar(lineNo, c + 1, lineNo, line.length + 1);
      this.setSlot(target, text, node);
      this.scalar = { quote: true, owner, text, blanks: 0, node, target };
      return;
    }
    const v = parseInlineValue(line, c, lineNo) ?? fail();
    this.setSlot(target, v.value, v.node);
    const ch = line[c] ?? '';
    if (v.node.t === 0 && !'"[{\''.includes(ch) && line.indexOf('#', v.end) < 0) {
      this.scalar = { quote: false, owner, text: line.slice(c, v.end), blanks: 0, node: v.node, target };
    } else {
      this.ownerIndent = owner;
    }
  }

  /** Feeds a line to an open multi-line scalar; false when the line is not part of it. */
  private continueScalar(o: OpenScalar, line: string, indent: number, lineNo: number): boolean {
    const step = feedScalar(o, line, indent, lineNo);
    if (step === 'continued' || step === 'closed') this.setSlot(o.target, o.text, o.node);
    if (step === 'closed' || step === 'comment') this.ownerIndent = o.owner;
    if (step !== 'continued' && step !== 'blank') this.scalar = null;
    return step !== 'ended';
  }

  private endDoc(): void {
    if (this.scalar?.quote) fail();
    this.scalar = null;
    const p = this.pending;
    if (p) {
      this.pending = null;
      this.setSlot(p, null, pScalar(p.line, p.col, p.line, p.col));
    }
    if (this.hasContent || this.explicitDoc) {
      const root = this.root ?? { value: null, tree: null };
      this.docs.push({ value: root.value, tree: root.tree, startLine: this.docStart });
    }
    this.stack = [];
    this.root = null;
    this.hasContent = false;
    this.ownerIndent = -1;
  }

  finish(): RawDoc[] {
    this.endDoc();
    return this.docs;
  }
}
