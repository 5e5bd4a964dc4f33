/**
 * Import: every document of every file is parsed and validated by the engine before
 * anything is sent. Any error blocks the whole import; the errors say file:line:col.
 */
import type { EngineDiagnostic, SpyderbatPolicy } from '../../engine/model/types.ts';
import { parseDocuments } from '../../engine/yaml/index.ts';

export interface ImportFile {
  name: string;
  text: string;
}

export interface PlannedImport {
  policy: SpyderbatPolicy;
  file: string;
  /** 'update' when a policy with this uid exists in the organization. */
  action: 'create' | 'update';
}

export interface ImportPlan {
  items: PlannedImport[];
  errors: EngineDiagnostic[];
  /** Documents skipped because they are not policies (e.g. fingerprints). */
  skipped: string[];
}

export function planImport(files: readonly ImportFile[], existing: readonly SpyderbatPolicy[]): ImportPlan {
  const known = new Map(existing.map((p) => [p.metadata.uid ?? '', p]));
  const items: PlannedImport[] = [];
  const errors: EngineDiagnostic[] = [];
  const skipped: string[] = [];
  for (const f of files) {
    const parsed = parseDocuments(f.text, f.name);
    errors.push(...parsed.diagnostics.filter((d) => d.severity === 'error'));
    if (parsed.documents.length === 0 || parsed.documents.every((d) => d.value === null || d.value === undefined)) {
      errors.push({ file: f.name, line: 1, column: 1, path: '', message: 'the file contains no YAML document', severity: 'error' });
    }
    for (const doc of parsed.documents) {
      for (const obj of doc.objects) {
        if (obj.kind !== 'SpyderbatPolicy') {
          skipped.push(`${f.name}: document ${doc.index + 1} is a ${obj.kind}, not a policy`);
          continue;
        }
        const uid = obj.metadata.uid;
        const current = uid ? known.get(uid) : undefined;
        if (current) {
          // An exported file carries the version it was exported at; default to the current one.
          const version = obj.metadata.version ?? current.metadata.version;
          items.push({ policy: { ...obj, metadata: { ...obj.metadata, version } } as SpyderbatPolicy, file: f.name, action: 'update' });
        } else {
          const { uid: _drop, version: _v, ...metadata } = obj.metadata;
          items.push({ policy: { ...obj, metadata } as SpyderbatPolicy, file: f.name, action: 'create' });
        }
      }
    }
  }
  return { items, errors, skipped };
}
