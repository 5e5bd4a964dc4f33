/**
 * spyctl's text diff (`MergeObject.get_diff`): the original policy dumped as
 * PyYAML prints it, each line prefixed `  ` (unchanged), `- ` (removed) or
 * `+ ` (added), walking the original and the merged object together:
 * - process lists match nodes by id; new nodes are appended after the list;
 * - ingress / egress items are compared by position, extra ones appended;
 * - `to` / `from` peers are matched by value;
 * - any other changed list is printed whole as removed, then whole as added,
 *   key line included; a changed scalar as its removed then added line;
 * - new fields come after a mapping's existing fields (before a process node's
 *   children);
 * - touching changes are grouped: all removed lines, then all added lines.
 * Then only changed lines, everything up to `spec:` and the processPolicy /
 * networkPolicy / ingress / egress key lines are kept, each with 5 lines of
 * context, and `...` marks the gaps.
 *
 * Fix: spyctl sorts its pieces by fractional line indexes with a "deferred"
 * flag for children, which can print a node's children (or its new fields)
 * under a later sibling (a changed node with children followed by another
 * node). Here each node's lines stay together: fields, new fields, children.
 * A field whose type changed is shown removed and added (spyctl drops its
 * lines from the output).
 */
import { isRecord, jsonEqual } from './inputs.ts';
import type { Json } from './inputs.ts';
import { dumpFieldLines, dumpItemLines, dumpYamlLines } from './yaml-dump.ts';

interface Seg {
  si: number;
  ei: number;
  orig: string[] | null;
  subs: string[];
  adds: string[];
}

const CONTEXT = 5;
const NET_LISTS = new Set(['ingress', 'egress']);
const PEER_LISTS = new Set(['to', 'from']);

function origSeg(si: number, lines: string[]): Seg {
  return { si, ei: si + lines.length, orig: lines, subs: [], adds: [] };
}

function diffSeg(si: number, ei: number, subs: string[], adds: string[]): Seg {
  return { si, ei, orig: null, subs, adds };
}

function indented(lines: readonly string[], width: number): string[] {
  const pad = ' '.repeat(width);
  return lines.map((l) => pad + l);
}

function kindOf(v: unknown): string {
  return Array.isArray(v) ? 'list' : isRecord(v) ? 'map' : typeof v;
}

function dictSegs(o: Json, m: Json, ws: number, prefix: string | null, anc: readonly string[], si: number, depth: number): { segs: Seg[]; ei: number } {
  const inProcess = anc.includes('processPolicy');
  const main: Seg[] = [];
  const last: Seg[] = [];
  let pos = si;
  Object.keys(o).forEach((f, i) => {
    const a = o[f];
    if (a === undefined) return;
    const lines = dumpFieldLines(f, a, ws, i === 0 ? prefix : null);
    const fsi = pos;
    pos += lines.length;
    const target = f === 'children' && inProcess ? last : main;
    const b = m[f];
    if (b === undefined) target.push(diffSeg(fsi, pos, lines, []));
    else if (jsonEqual(a, b)) target.push(origSeg(fsi, lines));
    else if (kindOf(a) !== kindOf(b) || depth > 100) target.push(diffSeg(fsi, pos, lines, indented(dumpYamlLines({ [f]: b }), ws)));
    else if (Array.isArray(a)) target.push(...listSegs(a, b as unknown[], lines, ws, [...anc, f], fsi, depth + 1));
    else if (isRecord(a)) {
      target.push(origSeg(fsi, lines.slice(0, 1)));
      target.push(...dictSegs(a, b as Json, ws + 2, null, [...anc, f], fsi + 1, depth + 1).segs);
    } else target.push(diffSeg(fsi, pos, lines, indented(dumpYamlLines({ [f]: b }), ws)));
  });
  const ei = pos;
  const added: Seg[] = [];
  const addedLast: Seg[] = [];
  for (const [f, b] of Object.entries(m)) {
    if (b === undefined || (Object.hasOwn(o, f) && o[f] !== undefined)) continue;
    const seg = diffSeg(ei - 0.45, ei, [], indented(dumpYamlLines({ [f]: b }), ws));
    (f === 'children' && inProcess ? addedLast : added).push(seg);
  }
  return { segs: [...main, ...added, ...last, ...addedLast], ei };
}

function listSegs(o: unknown[], m: unknown[], lines: string[], ws: number, anc: readonly string[], si: number, depth: number): Seg[] {
  const field = anc[anc.length - 1] ?? '';
  const ei = si + lines.length;
  const addPad = 2 * (anc.length - 1);
  const key = lines.slice(0, 1);
  const segs: Seg[] = [];
  let pos = si + 1;
  const itemSpan = (item: unknown): { isi: number; itemLines: string[] } => {
    const itemLines = dumpItemLines(item, ws);
    const isi = pos;
    pos += itemLines.length;
    return { isi, itemLines };
  };
  const itemPrefix = `${' '.repeat(ws)}- `;
  if (field === 'processPolicy' || (field === 'children' && anc.includes('processPolicy'))) {
    segs.push(origSeg(si, key));
    const ids = new Set<unknown>();
    for (const item of o) {
      const { isi, itemLines } = itemSpan(item);
      const id = isRecord(item) ? item.id : undefined;
      ids.add(id);
      const match = m.find((x) => isRecord(x) && x.id === id);
      if (match === undefined || !isRecord(item) || !isRecord(match)) segs.push(diffSeg(isi, pos, itemLines, []));
      else if (jsonEqual(item, match)) segs.push(origSeg(isi, itemLines));
      else segs.push(...dictSegs(item, match, ws + 2, itemPrefix, anc, isi, depth + 1).segs);
    }
    for (const x of m) {
      if (isRecord(x) && ids.has(x.id)) continue;
      segs.push(diffSeg(ei - 0.15, ei, [], indented(dumpYamlLines([x]), addPad)));
    }
  } else if (NET_LISTS.has(field)) {
    segs.push(origSeg(si, key));
    o.forEach((item, k) => {
      const { isi, itemLines } = itemSpan(item);
      const other = m[k];
      if (k >= m.length) segs.push(diffSeg(isi, pos, itemLines, []));
      else if (isRecord(item) && isRecord(other)) segs.push(...dictSegs(item, other, ws + 2, itemPrefix, anc, isi, depth + 1).segs);
      else if (jsonEqual(item, other)) segs.push(origSeg(isi, itemLines));
      else segs.push(diffSeg(isi, pos, itemLines, indented(dumpYamlLines([other]), addPad)));
    });
    if (m.length > o.length) segs.push(diffSeg(ei - 0.45, ei, [], indented(dumpYamlLines(m.slice(o.length)), addPad)));
  } else if (PEER_LISTS.has(field)) {
    segs.push(origSeg(si, key));
    const remaining = [...m];
    for (const block of o) {
      const { isi, itemLines } = itemSpan(block);
      const i = remaining.findIndex((r) => jsonEqual(r, block));
      if (i >= 0) {
        remaining.splice(i, 1);
        segs.push(origSeg(isi, itemLines));
      } else segs.push(diffSeg(isi, pos, itemLines, []));
    }
    for (const r of remaining) segs.push(diffSeg(ei - 0.45, ei, [], indented(dumpYamlLines([r]), addPad)));
  } else {
    segs.push(diffSeg(si, si + 1, key, key));
    segs.push(diffSeg(si + 1, ei, lines.slice(1), indented(dumpYamlLines(m), addPad)));
  }
  return segs;
}

/** Consecutive changes that touch in the original are printed together: removed lines, then added lines. */
function groupChanges(segs: readonly Seg[]): Seg[] {
  const out: Seg[] = [];
  for (const s of segs) {
    const prev = out[out.length - 1];
    if (s.orig === null && prev !== undefined && prev.orig === null && prev.ei === Math.round(s.si)) {
      out[out.length - 1] = { ...prev, ei: s.ei, subs: [...prev.subs, ...s.subs], adds: [...prev.adds, ...s.adds] };
    } else out.push(s);
  }
  return out;
}

/** Every line of the diff (spyctl `--full-diff`). */
export function fullDiffLines(original: Json, merged: Json): string[] {
  const out: string[] = [];
  for (const s of groupChanges(dictSegs(original, merged, 0, null, [], 0, 0).segs)) {
    if (s.orig !== null) for (const l of s.orig) out.push(`  ${l}`);
    for (const l of s.subs) out.push(`- ${l}`);
    for (const l of s.adds) out.push(`+ ${l}`);
  }
  return out;
}

const KEY_LINES = ['processPolicy', 'networkPolicy', 'ingress', 'egress'];

/** spyctl's summary: changed lines and everything up to `spec:`, 5 lines of context, `...` in the gaps. */
export function summarizeDiffLines(lines: readonly string[]): string {
  const keep = new Set<number>();
  const out: string[] = [];
  const take = (i: number): void => {
    if (i < 0 || i >= lines.length || keep.has(i)) return;
    if (i !== 0 && !keep.has(i - 1)) out.push('...');
    out.push(lines[i] as string);
    keep.add(i);
  };
  let foundSpec = false;
  lines.forEach((line, i) => {
    const stripped = line.trim();
    const wanted =
      line.startsWith('+ ') || line.startsWith('- ') || !foundSpec || KEY_LINES.some((k) => stripped.startsWith(k));
    if (!wanted) return;
    if (stripped.startsWith('spec')) foundSpec = true;
    for (let x = i - CONTEXT; x <= i + CONTEXT; x++) take(x);
  });
  if (keep.size > 0 && Math.max(...keep) !== lines.length - 1) out.push('...');
  return out.join('\n');
}

/** The text `spyctl diff` prints for a policy and its merged version (no trailing newline). */
export function diffText(original: Json, merged: Json): string {
  return summarizeDiffLines(fullDiffLines(original, merged));
}
