/**
 * Wire shapes of the Spyderbat v1 API (snake_case, as the server sends them). The mock
 * backend produces exactly these; src/api/mappers.ts turns them into engine/app types.
 */

export interface WireOrg {
  uid: string;
  name: string;
  [extra: string]: unknown;
}

export interface WireCluster {
  uid: string;
  name: string;
  org_uid?: string;
  cluster_id?: string;
  /** Epoch seconds or ISO time. */
  first_data?: number | string;
  last_data?: number | string;
  valid_from?: string;
  valid_to?: string;
  cluster_details?: {
    cluster_uid?: string;
    cluster_name?: string;
    agent_uid?: string;
    src_uid?: string;
    cluid?: string;
    /** Palisade mock extension: eks | kubernetes | linux. */
    platform?: string;
    [extra: string]: unknown;
  };
  [extra: string]: unknown;
}

/** One item of a policy list line: `[{"policy": {...}}, ...]`. */
export interface WirePolicyItem {
  policy: unknown;
  uid?: string;
  [extra: string]: unknown;
}

/** `GET analyticspolicy/{uid}` → `{uid, policy}`. */
export interface WirePolicyGet {
  uid: string;
  policy: unknown;
}

export interface WireCreated {
  uid: string;
}

export interface WireRulesetItem {
  ruleset: unknown;
  uid?: string;
  [extra: string]: unknown;
}

export type SearchSchema =
  | 'model_fingerprint'
  | 'event_deviation'
  | 'event_redflag'
  | 'event_opsflag'
  | 'model_k8s_namespace'
  | 'model_spydertrace'
  | 'model_container'
  | 'model_process'
  | 'model_connection';

export interface WireOrderBy {
  name: string;
  ascending?: boolean;
}

export interface WireGroupBy {
  name: string;
  /** Bin edges (for numeric fields such as `time`); a value falls in [bins[i], bins[i+1]). */
  bins?: number[];
}

export interface WireSearchRequest {
  schema: SearchSchema;
  query: string;
  start_time: number;
  end_time: number;
  order_by?: WireOrderBy[];
  group_by?: WireGroupBy[];
  output_fields?: string[];
}

export interface WireSearchCreated {
  id: string;
  error?: string;
}

export interface WireSearchPollRequest {
  limit: number;
  token: string | null;
}

export type WireSearchPoll = { status: string } | { results: Record<string, unknown>[]; token?: string | null; result_count?: number };

/** `event_deviation` record (`full_json`). */
export interface WireDeviationRecord {
  id: string;
  schema: string;
  time: number;
  checksum: string;
  description: string;
  policy_uid: string;
  policy_name: string;
  policy_mode: string;
  cluster_name?: string;
  cluster_uid?: string;
  namespace?: string;
  muid?: string;
  deviation: unknown;
  [extra: string]: unknown;
}

/** `event_redflag` record. */
export interface WireRedFlagRecord {
  id: string;
  schema: string;
  time: number;
  short_name: string;
  severity: string;
  description: string;
  class: string[];
  ref: string;
  cluster_uid?: string;
  cluster_name?: string;
  namespace?: string;
  muid?: string;
  policy_uid?: string;
  policy_name?: string;
  [extra: string]: unknown;
}

/** Body of `POST analyticspolicy/logs` (the audit log query). */
export interface WireLogsRequest {
  start_time: number;
  end_time: number;
  data_type: 'audit';
  org_uid?: string;
  /** Policy uid; omitted for every policy. */
  src_uid?: string;
  pipeline: ({ filter: { schema: string } } | { latest_model: Record<string, never> })[];
}

/** One audit log entry (an NDJSON line). */
export interface WireAuditRecord {
  id: string;
  schema: string;
  time: number;
  description: string;
  policy_uid?: string;
  policy_name?: string;
  user?: string;
  version?: number;
  [extra: string]: unknown;
}

/** 400 body for an invalid object. */
export interface WireValidationBody {
  msg: string;
  errors: { path: string; message: string; line?: number; column?: number; severity?: 'error' | 'warning' }[];
}

export const AUDIT_SCHEMA_PREFIX = 'event_audit';
export const DEVIATION_SCHEMA = 'event_deviation';
