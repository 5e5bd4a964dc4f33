/**
 * The CRUD pattern shared by analyticspolicy/ and analyticsruleset/: list (NDJSON of
 * `[{<key>: {...}}]`), get (`{uid, <key>}`), create = POST, update = PUT with
 * metadata.uid, delete. Updates are optimistic: the version the user edited is sent,
 * and a mismatch (HTTP 409, or a newer version on re-read) raises ConflictError.
 */
import { orgPath, type ApiClient } from './client.ts';
import { ApiError, ConflictError } from './errors.ts';
import type { QueryValue } from './http.ts';
import { isRecord } from './mappers.ts';

interface Versioned {
  metadata: { uid?: string; version?: number; [k: string]: unknown };
}

export interface ResourceSpec<T extends Versioned> {
  /** `analyticspolicy` */
  path: string;
  /** `policy` */
  bodyKey: string;
  /** Human name for messages. */
  noun: string;
  map: (value: unknown, uid?: string) => T;
}

export interface UpdateOptions {
  /** The `metadata.version` the user started from (default: the object's own). */
  baseVersion?: number;
  signal?: AbortSignal;
}

function stripServerFields<T extends Versioned>(obj: T, keepUid: boolean): T {
  const { version: _v, createdBy: _c, lastUpdatedBy: _l, lastUpdatedTimestamp: _t, ...rest } = obj.metadata;
  const metadata = keepUid ? rest : (({ uid: _u, ...r }) => r)(rest);
  return { ...obj, metadata };
}

export function versionedResource<T extends Versioned>(spec: ResourceSpec<T>) {
  const base = (client: ApiClient, rest = ''): string => orgPath(client, `${spec.path}/${rest}`);

  async function list(client: ApiClient, query: Record<string, QueryValue>, signal?: AbortSignal): Promise<T[]> {
    const items = await client.http.list('GET', base(client), { query, signal });
    return items.map((item) => {
      if (!isRecord(item)) throw new ApiError({ kind: 'invalid-response', detail: `${spec.noun} list: item is not an object` });
      const uid = typeof item.uid === 'string' ? item.uid : undefined;
      return spec.map(spec.bodyKey in item ? item[spec.bodyKey] : item, uid);
    });
  }

  async function get(client: ApiClient, uid: string, signal?: AbortSignal): Promise<T> {
    const items = await client.http.list('GET', base(client, encodeURIComponent(uid)), { signal });
    const first = items[0];
    if (!isRecord(first)) throw new ApiError({ kind: 'invalid-response', detail: `${spec.noun} ${uid}: empty body` });
    return spec.map(spec.bodyKey in first ? first[spec.bodyKey] : first, typeof first.uid === 'string' ? first.uid : uid);
  }

  async function create(client: ApiClient, obj: T, signal?: AbortSignal): Promise<T> {
    const body = { [spec.bodyKey]: stripServerFields(obj, false) };
    const created = await client.http.json('POST', base(client), { body, signal });
    const uid = isRecord(created) && typeof created.uid === 'string' ? created.uid : undefined;
    if (!uid) throw new ApiError({ kind: 'invalid-response', detail: `create ${spec.noun}: no uid in the answer` });
    return get(client, uid, signal);
  }

  async function update(client: ApiClient, obj: T, options: UpdateOptions = {}): Promise<T> {
    const uid = obj.metadata.uid;
    if (!uid) throw new ApiError({ kind: 'config', detail: `update ${spec.noun}: metadata.uid is required (use create for a new ${spec.noun})` });
    const baseVersion = options.baseVersion ?? obj.metadata.version;
    const { signal } = options;
    const current = await get(client, uid, signal);
    const currentVersion = current.metadata.version;
    if (baseVersion !== undefined && currentVersion !== undefined && currentVersion !== baseVersion) {
      throw new ConflictError({ uid, baseVersion, currentVersion, current });
    }
    const sent = stripServerFields(obj, true);
    if (baseVersion !== undefined) sent.metadata.version = baseVersion;
    try {
      await client.http.json('PUT', base(client), { body: { [spec.bodyKey]: sent }, signal });
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        const latest = await get(client, uid, signal).catch(() => undefined);
        throw new ConflictError({
          uid,
          ...(baseVersion !== undefined ? { baseVersion } : {}),
          ...(latest?.metadata.version !== undefined ? { currentVersion: latest.metadata.version } : {}),
          ...(latest ? { current: latest } : {}),
          ...(e.requestId ? { requestId: e.requestId } : {}),
          ...(e.detail ? { detail: e.detail } : {}),
        });
      }
      throw e;
    }
    return get(client, uid, signal);
  }

  async function remove(client: ApiClient, uid: string, signal?: AbortSignal): Promise<void> {
    await client.http.send('DELETE', base(client, encodeURIComponent(uid)), { signal });
  }

  return { list, get, create, update, remove };
}
