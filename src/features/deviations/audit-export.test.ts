import { describe, expect, it } from 'vitest';
import type { AuditLogEntry } from '../../api/types.ts';
import { auditLines, auditNdjson, exportFileName, filterAudit } from './audit-export.ts';

const entries: AuditLogEntry[] = [
  {
    id: 'a',
    time: 1_795_176_000,
    schema: 'event_audit:guardian_deviation:1.0.0',
    kind: 'guardian_deviation',
    description: '(audit mode): Container image "x:1" ns:"a" cluster:"c" deviated from policy "p".',
    policyName: 'p',
  },
  {
    id: 'b',
    time: 1_795_176_001,
    schema: 'event_audit:guardian_action:1.0.0',
    kind: 'guardian_action',
    description: '(audit mode): Would have initiated "makeRedFlag" action for "x:1". Not initiated due to "audit" mode.',
    policyName: 'p',
  },
];

describe('audit log export', () => {
  it('writes spyctl-style lines with UTC times', () => {
    expect(auditLines(entries)).toBe(
      '2026-11-20T12:00:00Z (audit mode): Container image "x:1" ns:"a" cluster:"c" deviated from policy "p".\n2026-11-20T12:00:01Z (audit mode): Would have initiated "makeRedFlag" action for "x:1". Not initiated due to "audit" mode.\n',
    );
    expect(auditLines([])).toBe('');
  });

  it('writes one JSON entry per line', () => {
    const lines = auditNdjson(entries).trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as AuditLogEntry).id)).toEqual(['a', 'b']);
  });

  it('names files safely and filters by text', () => {
    expect(exportFileName('web/api <prod>', 1_795_176_000, 'log')).toBe('palisade-audit-web-api-prod-2026-11-20.log');
    expect(exportFileName(undefined, 1_795_176_000, 'ndjson')).toBe('palisade-audit-all-policies-2026-11-20.ndjson');
    expect(filterAudit(entries, 'WOULD HAVE').map((e) => e.id)).toEqual(['b']);
    expect(filterAudit(entries, ' ')).toHaveLength(2);
  });
});
