/**
 * One NDJSON line → an EngineEvent, or a diagnostic saying what is wrong.
 * Never throws. The format is documented in ./types.ts.
 */
import type { EngineDiagnostic, WorkloadIdentity } from '../model/types.ts';
import type { EngineEvent } from './types.ts';

type Obj = Record<string, unknown>;

class EventError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function fail(path: string, message: string): never {
  throw new EventError(path, message);
}

const PROCESS_KEYS = ['name', 'exe', 'euser'] as const;
const CLUSTER_KEYS = ['name', 'uid'] as const;
const MACHINE_KEYS = ['hostname', 'uid', 'sourceName'] as const;
const CONTAINER_KEYS = ['image', 'imageID', 'containerName', 'containerID'] as const;
const SERVICE_KEYS = ['cgroup', 'name'] as const;
const PEER_KEYS = ['ip', 'dns'] as const;

function optStrings(o: Obj, path: string, keys: readonly string[]): void {
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    const v = o[k];
    if (v !== undefined && typeof v !== 'string') fail(`${path}.${k}`, `'${k}' must be a string`);
  }
}

function checkPart(w: Obj, key: string, keys: readonly string[]): void {
  const v = w[key];
  if (v === undefined) return;
  if (!isObj(v)) fail(`workload.${key}`, `'${key}' must be an object`);
  optStrings(v, `workload.${key}`, keys);
}

function checkLabels(w: Obj, key: string): void {
  const v = w[key];
  if (v === undefined) return;
  if (!isObj(v)) fail(`workload.${key}`, `'${key}' must be an object of strings`);
  for (const k in v) if (typeof v[k] !== 'string') fail(`workload.${key}.${k}`, `label '${k}' must be a string`);
}

function checkWorkload(w: unknown): WorkloadIdentity {
  if (!isObj(w)) fail('workload', "'workload' must be an object");
  if (w.type !== 'container' && w.type !== 'linux-service') {
    fail('workload.type', "'workload.type' must be 'container' or 'linux-service'");
  }
  checkPart(w, 'cluster', CLUSTER_KEYS);
  checkPart(w, 'machine', MACHINE_KEYS);
  checkPart(w, 'container', CONTAINER_KEYS);
  checkPart(w, 'service', SERVICE_KEYS);
  checkLabels(w, 'namespaceLabels');
  checkLabels(w, 'podLabels');
  return w as unknown as WorkloadIdentity;
}

function checkChain(p: unknown): void {
  if (!isObj(p)) fail('process', "'process' must be an object with a 'chain'");
  const chain = p.chain;
  if (!Array.isArray(chain) || chain.length === 0) fail('process.chain', "'process.chain' must be a non-empty array");
  for (let i = 0; i < chain.length; i++) {
    const item: unknown = chain[i];
    if (!isObj(item)) fail(`process.chain[${i}]`, 'each process must be an object {name, exe, euser}');
    if (typeof item.name !== 'string' || typeof item.exe !== 'string' || typeof item.euser !== 'string') {
      const k = PROCESS_KEYS.find((key) => typeof item[key] !== 'string') ?? 'name';
      fail(`process.chain[${i}].${k}`, `'${k}' must be a string`);
    }
  }
}

function checkConnection(c: unknown): void {
  if (!isObj(c)) fail('connection', "a connection event needs a 'connection' object");
  if (c.direction !== 'ingress' && c.direction !== 'egress') {
    fail('connection.direction', "'direction' must be 'ingress' or 'egress'");
  }
  optStrings(c, 'connection', PEER_KEYS);
  if (c.ip === undefined && c.dns === undefined) fail('connection', "a connection needs 'ip' or 'dns'");
  const port = c.port;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 0 || port > 65535) {
    fail('connection.port', "'port' must be an integer 0–65535");
  }
  if (c.protocol !== 'TCP' && c.protocol !== 'UDP') fail('connection.protocol', "'protocol' must be 'TCP' or 'UDP'");
}

function toEvent(raw: unknown): EngineEvent {
  if (!isObj(raw)) fail('', 'an event must be a JSON object');
  if (typeof raw.time !== 'number' || !Number.isFinite(raw.time)) fail('time', "'time' must be a number (epoch seconds)");
  checkWorkload(raw.workload);
  if (raw.kind !== 'process' && raw.kind !== 'connection') fail('kind', "'kind' must be 'process' or 'connection'");
  checkChain(raw.process);
  if (raw.kind === 'connection') checkConnection(raw.connection);
  else if (raw.connection !== undefined) fail('connection', "only connection events carry 'connection'");
  return raw as unknown as EngineEvent;
}

/** Parse one line; `line` numbers the diagnostic (1-based), `file` names it. */
function diagnostic(line: number, file: string | undefined, path: string, message: string): EngineDiagnostic {
  return { ...(file !== undefined ? { file } : {}), line, column: 1, path, message, severity: 'error' };
}

export function parseEventLine(text: string, line = 1, file?: string): EngineEvent | EngineDiagnostic {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return diagnostic(line, file, '', `invalid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    return toEvent(raw);
  } catch (e) {
    if (e instanceof EventError) return diagnostic(line, file, e.path, e.message);
    return diagnostic(line, file, '', `invalid event: ${String(e)}`);
  }
}

/** Narrow a parse result. */
export function isEventDiagnostic(r: EngineEvent | EngineDiagnostic): r is EngineDiagnostic {
  return !('workload' in r);
}
