/** Audit log export: text lines like `spyctl logs policy` (with a UTC timestamp), or NDJSON. */
import type { AuditLogEntry } from '../../api/types.ts';

export function auditLines(entries: readonly AuditLogEntry[]): string {
  return entries.map((e) => `${new Date(e.time * 1000).toISOString().replace('.000Z', 'Z')} ${e.description}`).join('\n') + (entries.length ? '\n' : '');
}

export function auditNdjson(entries: readonly AuditLogEntry[]): string {
  return entries.map((e) => JSON.stringify(e)).join('\n') + (entries.length ? '\n' : '');
}

/** `palisade-audit-<policy or all>-<yyyy-mm-dd>.<ext>`, safe for any file system. */
export function exportFileName(policyName: string | undefined, now: number, ext: 'log' | 'ndjson'): string {
  const who = (policyName ?? 'all-policies').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'policy';
  return `palisade-audit-${who}-${new Date(now * 1000).toISOString().slice(0, 10)}.${ext}`;
}

export function filterAudit(entries: readonly AuditLogEntry[], q: string): AuditLogEntry[] {
  const needle = q.trim().toLowerCase();
  return needle ? entries.filter((e) => `${e.description} ${e.policyName ?? ''} ${e.user ?? ''}`.toLowerCase().includes(needle)) : [...entries];
}
