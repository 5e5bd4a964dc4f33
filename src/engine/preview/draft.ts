/** Reading the draft: diagnostics and the policy to preview (lenient: a draft with errors is still previewed where possible). */
import type { EngineDiagnostic, SpyderbatPolicy } from '../model/types.ts';
import { parseDocuments } from '../yaml/documents.ts';

export interface DraftPolicy {
  diagnostics: EngineDiagnostic[];
  /** The first SpyderbatPolicy document (the validated object, or the raw value when it has errors). */
  policy: SpyderbatPolicy | null;
  /** The policy passed validation. */
  valid: boolean;
  notes: string[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function usable(v: unknown): v is SpyderbatPolicy {
  if (!isRecord(v) || v.kind !== 'SpyderbatPolicy' || !isRecord(v.metadata) || !isRecord(v.spec)) return false;
  const t = v.metadata.type;
  return t === 'container' || t === 'linux-service' || t === 'cluster';
}

export function readDraft(text: string, file?: string): DraftPolicy {
  const parsed = parseDocuments(text, file);
  const notes: string[] = [];
  const docs = parsed.documents.filter((d) => usable(d.value));
  const doc = docs[0];
  if (docs.length > 1) notes.push(`The draft holds ${docs.length} policies: only the first is previewed.`);
  if (doc === undefined) {
    notes.push('No SpyderbatPolicy with metadata.type and spec found in the draft.');
    return { diagnostics: parsed.diagnostics, policy: null, valid: false, notes };
  }
  const valid = doc.object !== undefined;
  if (!valid) notes.push('The draft has errors: the preview is computed on it as written and may be incomplete.');
  return { diagnostics: parsed.diagnostics, policy: doc.value as SpyderbatPolicy, valid, notes };
}
