/**
 * The structured form and the YAML stay in sync through the YAML document itself:
 * the form reads values from the parsed draft, and each form edit is applied to the
 * YAML with the `yaml` Document API, so the user's comments, key order and layout of
 * everything else survive. Invalid YAML locks the form (readForm says where).
 */
import { isMap, isSeq, parseDocument, type Document } from 'yaml';
import type { Severity } from '../../engine/model/types.ts';

export const KILL_ACTIONS = ['agentKillPod', 'agentKillProcess', 'agentKillProcessGroup', 'agentKillProcessTree'] as const;
export type KillAction = (typeof KILL_ACTIONS)[number];

export interface ScopedKill {
  action: KillAction;
  /** `kubernetes.io/metadata.name` of the namespace, or '' for any. */
  namespace: string;
  /** A pod label `key=value`, or ''. */
  podLabel: string;
}

export interface PolicyForm {
  name: string;
  type: string;
  mode: 'audit' | 'enforce';
  enabled: boolean;
  image: string;
  namespace: string;
  cgroup: string;
  /** Severity of the default makeRedFlag action, '' when there is none. */
  redFlagSeverity: Severity | '';
  kills: ScopedKill[];
}

export type FormRead = { ok: true; form: PolicyForm } | { ok: false; line: number; message: string };

const NS_LABEL = 'kubernetes.io/metadata.name';

function parse(text: string): Document.Parsed {
  return parseDocument(text, { prettyErrors: false, uniqueKeys: true });
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function killsOf(actions: unknown): ScopedKill[] {
  if (!Array.isArray(actions)) return [];
  const out: ScopedKill[] = [];
  for (const entry of actions as Record<string, unknown>[]) {
    if (!entry || typeof entry !== 'object') continue;
    const action = KILL_ACTIONS.find((k) => k in entry);
    if (!action) continue;
    const body = (entry[action] ?? {}) as Record<string, unknown>;
    const nsSel = (entry.namespaceSelector ?? body.namespaceSelector) as { matchLabels?: Record<string, unknown> } | undefined;
    const podSel = (entry.podSelector ?? body.podSelector) as { matchLabels?: Record<string, unknown> } | undefined;
    const pod = Object.entries(podSel?.matchLabels ?? {})[0];
    out.push({ action, namespace: str(nsSel?.matchLabels?.[NS_LABEL]), podLabel: pod ? `${pod[0]}=${str(pod[1])}` : '' });
  }
  return out;
}

/** The form's view of a draft, or where the YAML is broken. */
export function readForm(text: string): FormRead {
  const doc = parse(text);
  const err = doc.errors[0];
  if (err) return { ok: false, line: lineOf(text, err.pos[0]), message: err.message.split('\n')[0] ?? 'invalid YAML' };
  const v: unknown = doc.toJS({ maxAliasCount: 100 });
  if (!v || typeof v !== 'object' || Array.isArray(v)) return { ok: false, line: 1, message: 'the document is not a mapping' };
  const o = v as { metadata?: Record<string, unknown>; spec?: Record<string, unknown>; kind?: unknown };
  if (o.kind !== 'SpyderbatPolicy' || !o.spec || typeof o.spec !== 'object') return { ok: false, line: 1, message: 'not a SpyderbatPolicy with a spec' };
  const spec = o.spec as Record<string, Record<string, unknown> | undefined> & { mode?: unknown; enabled?: unknown };
  const response = (spec.response ?? {}) as { default?: unknown; actions?: unknown };
  const defaults = Array.isArray(response.default) ? (response.default as Record<string, unknown>[]) : [];
  const flag = defaults.find((d) => d && typeof d === 'object' && 'makeRedFlag' in d)?.makeRedFlag as { severity?: unknown } | undefined;
  return {
    ok: true,
    form: {
      name: str(o.metadata?.name),
      type: str(o.metadata?.type),
      mode: spec.mode === 'enforce' ? 'enforce' : 'audit',
      enabled: spec.enabled !== false,
      image: str(spec.containerSelector?.image),
      namespace: str((spec.namespaceSelector?.matchLabels as Record<string, unknown> | undefined)?.[NS_LABEL]),
      cgroup: str(spec.serviceSelector?.cgroup),
      redFlagSeverity: (['critical', 'high', 'medium', 'low', 'info'] as const).find((s) => s === flag?.severity) ?? '',
      kills: killsOf(response.actions),
    },
  };
}

function setOrDelete(doc: Document.Parsed, path: readonly string[], value: string): void {
  if (value === '') {
    doc.deleteIn(path);
    // Drop selectors left empty by the deletion.
    for (let i = path.length - 1; i > 1; i--) {
      const parent = doc.getIn(path.slice(0, i));
      if (isMap(parent) && parent.items.length === 0) doc.deleteIn(path.slice(0, i));
    }
  } else {
    doc.setIn(path, value);
  }
}

function killEntry(doc: Document.Parsed, k: ScopedKill): unknown {
  const entry: Record<string, unknown> = { [k.action]: {} };
  if (k.namespace) entry.namespaceSelector = { matchLabels: { [NS_LABEL]: k.namespace } };
  const [key, ...rest] = k.podLabel.split('=');
  if (key && rest.length) entry.podSelector = { matchLabels: { [key.trim()]: rest.join('=').trim() } };
  return doc.createNode(entry);
}

/** Applies a form edit to the YAML text; everything the form does not manage is kept as written. */
export function applyForm(text: string, patch: Partial<PolicyForm>): string {
  const doc = parse(text);
  if (doc.errors.length > 0) return text;
  if (patch.name !== undefined) doc.setIn(['metadata', 'name'], patch.name);
  if (patch.mode !== undefined) doc.setIn(['spec', 'mode'], patch.mode);
  if (patch.enabled !== undefined) {
    if (patch.enabled) doc.deleteIn(['spec', 'enabled']);
    else doc.setIn(['spec', 'enabled'], false);
  }
  if (patch.image !== undefined) setOrDelete(doc, ['spec', 'containerSelector', 'image'], patch.image);
  if (patch.namespace !== undefined) setOrDelete(doc, ['spec', 'namespaceSelector', 'matchLabels', NS_LABEL], patch.namespace);
  if (patch.cgroup !== undefined) setOrDelete(doc, ['spec', 'serviceSelector', 'cgroup'], patch.cgroup);
  if (patch.redFlagSeverity !== undefined) {
    const defaults = doc.getIn(['spec', 'response', 'default']);
    const idx = isSeq(defaults) ? defaults.items.findIndex((it) => isMap(it) && it.has('makeRedFlag')) : -1;
    if (patch.redFlagSeverity === '') {
      if (idx >= 0) doc.deleteIn(['spec', 'response', 'default', idx]);
    } else if (idx >= 0) {
      doc.setIn(['spec', 'response', 'default', idx, 'makeRedFlag', 'severity'], patch.redFlagSeverity);
    } else if (isSeq(defaults)) {
      defaults.items.push(doc.createNode({ makeRedFlag: { severity: patch.redFlagSeverity } }));
    } else {
      doc.setIn(['spec', 'response', 'default'], doc.createNode([{ makeRedFlag: { severity: patch.redFlagSeverity } }]));
    }
  }
  if (patch.kills !== undefined) {
    const actions = doc.getIn(['spec', 'response', 'actions']);
    const kept = isSeq(actions) ? actions.items.filter((it) => !(isMap(it) && KILL_ACTIONS.some((k) => it.has(k)))) : [];
    const next = [...kept, ...patch.kills.map((k) => killEntry(doc, k))];
    doc.setIn(['spec', 'response', 'actions'], doc.createNode(next));
  }
  return doc.toString({ indentSeq: false, lineWidth: 0 });
}
