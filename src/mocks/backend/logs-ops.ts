/**
 * Policy audit logs (`POST analyticspolicy/logs`): lifecycle entries plus the deviation
 * and action entries each deviation event produces, in a window, optionally for one
 * policy (`src_uid`) and one schema prefix. NDJSON, one entry per line, oldest first.
 */
import type { WireAuditRecord } from '../../api/wire.ts';
import type { MockBackend } from './mock-backend.ts';
import type { OrgState } from './org-state.ts';
import { auditRecord, deviationAudit, lowerBound } from './records.ts';
import { fail, lines, type MockResult } from './result.ts';

export const MAX_LOG_LINES = 20_000;

export function policyLogs(b: MockBackend, org: OrgState, body: unknown): MockResult {
  if (!body || typeof body !== 'object') return fail(400, 'Body must be an object');
  const o = body as Record<string, unknown>;
  const start = typeof o.start_time === 'number' ? o.start_time : NaN;
  const end = typeof o.end_time === 'number' ? o.end_time : NaN;
  if (!Number.isFinite(start) || !Number.isFinite(end)) return fail(400, 'start_time and end_time (epoch seconds) are required');
  const src = typeof o.src_uid === 'string' ? o.src_uid : undefined;
  let prefix = 'event_audit';
  if (Array.isArray(o.pipeline)) {
    for (const step of o.pipeline as unknown[]) {
      const f = step && typeof step === 'object' ? (step as Record<string, unknown>).filter : undefined;
      const schema = f && typeof f === 'object' ? (f as Record<string, unknown>).schema : undefined;
      if (typeof schema === 'string') prefix = schema;
    }
  }
  const out: WireAuditRecord[] = [];
  const keep = (r: WireAuditRecord): void => {
    if (r.time < start || r.time > end) return;
    if (src && r.policy_uid !== src) return;
    if (!r.schema.startsWith(prefix)) return;
    out.push(r);
  };
  const ds = org.dataset;
  for (const e of ds?.auditEvents ?? []) if (!org.deleted.has(e.policyUid)) keep(auditRecord(e));
  for (const e of org.audit) keep(auditRecord(e));
  const modeOf = (uid: string): string => b.policyInfo(org, uid).mode;
  if (ds && (prefix === 'event_audit' || prefix.startsWith('event_audit:guardian'))) {
    for (let i = lowerBound(ds.deviationEvents, start); i < ds.deviationEvents.length; i++) {
      const ev = ds.deviationEvents[i];
      if (!ev || ev.time > end) break;
      const def = ds.deviations[ev.def];
      if (!def || (src && def.policyUid !== src) || org.deleted.has(def.policyUid)) continue;
      for (const r of deviationAudit(ds, i, modeOf)) keep(r);
    }
  }
  for (const list of org.computed.values()) {
    for (const rec of list) {
      keep({ id: `${rec.id}:dev`, schema: 'event_audit:guardian_deviation:1.0.0', time: rec.time, description: `(${modeOf(rec.policy_uid)} mode): ${rec.description}`, policy_uid: rec.policy_uid, policy_name: rec.policy_name });
    }
  }
  out.sort((a, b2) => a.time - b2.time || a.id.localeCompare(b2.id));
  const truncated = out.length > MAX_LOG_LINES;
  return lines(truncated ? out.slice(-MAX_LOG_LINES) : out, truncated ? { 'x-palisade-truncated': 'true' } : undefined);
}
