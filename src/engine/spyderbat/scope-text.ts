/**
 * Plain-language descriptions of what a spec's selectors cover, and the warning
 * texts for selectors a merge drops or widens (shown by the UI beside a merge).
 */
import { isRecord } from './inputs.ts';
import type { Json } from './inputs.ts';

const NS_NAME_LABEL = 'kubernetes.io/metadata.name';

function labelText(labels: Json): string {
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(', ');
}

/** e.g. "every container in namespace default", "containers of image nginx:* in pods labelled app=web". */
export function describeScope(spec: Json, type: unknown): string {
  const parts: string[] = [];
  const cs = isRecord(spec.containerSelector) ? spec.containerSelector : null;
  const ss = isRecord(spec.serviceSelector) ? spec.serviceSelector : null;
  if (type === 'linux-service') {
    parts.push(ss !== null && typeof ss.cgroup === 'string' ? `the service ${ss.cgroup}` : 'every linux service');
  } else {
    const image = cs !== null && typeof cs.image === 'string' ? cs.image : null;
    const name = cs !== null && typeof cs.containerName === 'string' ? cs.containerName : null;
    if (image !== null) parts.push(`containers of image ${image}`);
    else if (name !== null) parts.push(`containers named ${name}`);
    else parts.push('every container');
  }
  const ns = isRecord(spec.namespaceSelector) && isRecord(spec.namespaceSelector.matchLabels) ? spec.namespaceSelector.matchLabels : null;
  if (ns !== null) {
    const nsName = ns[NS_NAME_LABEL];
    const others = Object.fromEntries(Object.entries(ns).filter(([k]) => k !== NS_NAME_LABEL));
    if (typeof nsName === 'string') parts.push(`in namespace ${nsName}`);
    if (Object.keys(others).length > 0) parts.push(`in namespaces labelled ${labelText(others)}`);
  }
  const pod = isRecord(spec.podSelector) && isRecord(spec.podSelector.matchLabels) ? spec.podSelector.matchLabels : null;
  if (pod !== null && Object.keys(pod).length > 0) parts.push(`in pods labelled ${labelText(pod)}`);
  const ms = isRecord(spec.machineSelector) ? spec.machineSelector : null;
  const host = ms?.hostname;
  if (typeof host === 'string') parts.push(`on host ${host}`);
  else if (Array.isArray(host)) parts.push(`on hosts ${host.map(String).join(', ')}`);
  return parts.join(' ');
}

function show(v: unknown): string {
  if (typeof v === 'string') return v;
  if (isRecord(v)) return labelText(v);
  return JSON.stringify(v) ?? String(v);
}

const FIELD_WORDS: Readonly<Record<string, string>> = {
  matchLabels: 'labels',
  matchFields: 'fields',
  matchExpressions: 'label expressions',
  matchFieldsExpressions: 'field expressions',
};

/** Asymmetric merge removed one selector field. */
export function widenedText(kind: string, path: string, before: unknown, other: unknown, scope: string): string {
  const parts = path.split('.');
  const field = parts[parts.length - 1] ?? path;
  const selector = parts[parts.length - 2] ?? '';
  const word = FIELD_WORDS[field] ?? field;
  const owner = selector.replace(/Selector$/, '');
  if (isRecord(before)) {
    return `this ${kind}'s ${owner} ${word} (${show(other)}) do not include the policy's (${show(before)}); merging drops ${path} and widens the policy to ${scope}`;
  }
  return `this ${kind}'s ${word} ${show(other)} is outside the policy's selector (${show(before)}); merging widens the policy to ${scope}`;
}

/** A whole selector disappeared. */
export function droppedText(path: string, scope: string, type: unknown, symmetric: boolean): string {
  const required =
    (type === 'container' && path.endsWith('containerSelector')) || (type === 'linux-service' && path.endsWith('serviceSelector'));
  const head = symmetric ? `the inputs share no ${path}; the created policy has none` : `merging removes ${path}`;
  const tail = required ? ` (the result no longer validates: a ${String(type)} policy needs it)` : '';
  return `${head}, so it covers ${scope}${tail}`;
}

export function kindWord(kind: unknown): string {
  switch (kind) {
    case 'SpyderbatFingerprint':
      return 'fingerprint';
    case 'SpyderbatBaseline':
      return 'baseline';
    case 'SpyderbatPolicy':
      return 'policy';
    case 'GuardianDeviation':
      return 'deviation';
    default:
      return 'input';
  }
}
