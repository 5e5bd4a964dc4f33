/**
 * Policy audit logs: `POST /api/v1/org/{org}/analyticspolicy/logs` with a time window,
 * the policy uid as `src_uid` and a schema-prefix filter; the answer is NDJSON, one
 * entry per line (`spyctl logs policy`).
 */
import { queryOptions } from '@tanstack/react-query';
import { nowSeconds, orgPath, type ApiClient } from './client.ts';
import { toAuditEntry } from './mappers.ts';
import type { AuditKind, AuditLogEntry } from './types.ts';
import { AUDIT_SCHEMA_PREFIX, type WireLogsRequest } from './wire.ts';

export interface AuditLogFilters {
  policyUid?: string;
  kind?: Exclude<AuditKind, 'other'>;
  days?: number;
  /** An absolute window (epoch seconds); when both are set, `days` is not used. */
  startTime?: number;
  endTime?: number;
}

export const auditLogKeys = {
  all: ['audit-logs'] as const,
  list: (filters: AuditLogFilters = {}) => [...auditLogKeys.all, 'list', filters] as const,
};

export async function listAuditLogs(client: ApiClient, filters: AuditLogFilters = {}, signal?: AbortSignal): Promise<AuditLogEntry[]> {
  const now = nowSeconds();
  const body: WireLogsRequest = {
    start_time: filters.startTime !== undefined && filters.endTime !== undefined ? filters.startTime : now - 86400 * (filters.days ?? 30),
    end_time: filters.startTime !== undefined && filters.endTime !== undefined ? filters.endTime : now,
    data_type: 'audit',
    ...(client.org ? { org_uid: client.org } : {}),
    ...(filters.policyUid ? { src_uid: filters.policyUid } : {}),
    pipeline: [{ filter: { schema: filters.kind ? `${AUDIT_SCHEMA_PREFIX}:${filters.kind}` : AUDIT_SCHEMA_PREFIX } }, { latest_model: {} }],
  };
  const items = await client.http.list('POST', orgPath(client, 'analyticspolicy/logs'), { body, signal });
  return items.map(toAuditEntry).sort((a, b) => a.time - b.time || a.id.localeCompare(b.id));
}

export function auditLogQuery(client: ApiClient, filters: AuditLogFilters = {}) {
  return queryOptions({ queryKey: auditLogKeys.list(filters), queryFn: ({ signal }) => listAuditLogs(client, filters, signal) });
}
