import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { EngineDiagnostic } from '../model/types.ts';
import { isEventDiagnostic, parseEventLine } from './parse-event.ts';
import type { EngineEvent } from './types.ts';

const good = {
  time: 1700000000.25,
  workload: { type: 'container', container: { image: 'nginx:1' }, podLabels: { app: 'web' } },
  kind: 'connection',
  process: { chain: [{ name: 'nginx', exe: '/usr/sbin/nginx', euser: 'root' }] },
  connection: { direction: 'ingress', ip: '10.0.0.1', port: 443, protocol: 'TCP' },
};

function diag(line: string): EngineDiagnostic {
  const r = parseEventLine(line, 7, 'events.ndjson');
  if (!isEventDiagnostic(r)) throw new Error(`expected a diagnostic for ${line}`);
  return r;
}

const mutate = (f: (o: Record<string, unknown>) => void): string => {
  const o = structuredClone(good) as unknown as Record<string, unknown>;
  f(o);
  return JSON.stringify(o);
};

describe('parseEventLine', () => {
  it('accepts a well-formed event unchanged', () => {
    const r = parseEventLine(JSON.stringify(good));
    expect(isEventDiagnostic(r)).toBe(false);
    expect(r).toEqual(good);
    const proc = parseEventLine(JSON.stringify({ ...good, kind: 'process', connection: undefined })) as EngineEvent;
    expect(proc.kind).toBe('process');
  });

  it('reports bad JSON with the line and file', () => {
    expect(diag('{"time": 1,')).toMatchObject({ file: 'events.ndjson', line: 7, column: 1, path: '', severity: 'error' });
    expect(diag('{"time": 1,').message).toMatch(/^invalid JSON/);
    expect(diag('').message).toMatch(/^invalid JSON/);
  });

  it.each<[string, string, string]>([
    ['not an object', '[1,2]', ''],
    ['null', 'null', ''],
    ['time as string', mutate((o) => (o.time = '1700000000')), 'time'],
    ['time NaN-like', mutate((o) => (o.time = null)), 'time'],
    ['workload missing', mutate((o) => delete o.workload), 'workload'],
    ['workload type', mutate((o) => ((o.workload as Record<string, unknown>).type = 'pod')), 'workload.type'],
    ['container image number', mutate((o) => ((o.workload as Record<string, unknown>).container = { image: 5 })), 'workload.container.image'],
    ['labels not strings', mutate((o) => ((o.workload as Record<string, unknown>).podLabels = { app: 1 })), 'workload.podLabels.app'],
    ['kind', mutate((o) => (o.kind = 'file')), 'kind'],
    ['chain missing', mutate((o) => (o.process = {})), 'process.chain'],
    ['chain empty', mutate((o) => (o.process = { chain: [] })), 'process.chain'],
    ['chain item exe', mutate((o) => (o.process = { chain: [{ name: 'a', exe: 1, euser: 'r' }] })), 'process.chain[0].exe'],
    ['connection missing', mutate((o) => delete o.connection), 'connection'],
    ['direction', mutate((o) => ((o.connection as Record<string, unknown>).direction = 'out')), 'connection.direction'],
    ['no peer', mutate((o) => delete (o.connection as Record<string, unknown>).ip), 'connection'],
    ['port range', mutate((o) => ((o.connection as Record<string, unknown>).port = 70000)), 'connection.port'],
    ['port fraction', mutate((o) => ((o.connection as Record<string, unknown>).port = 1.5)), 'connection.port'],
    ['protocol case', mutate((o) => ((o.connection as Record<string, unknown>).protocol = 'tcp')), 'connection.protocol'],
    ['connection on a process event', mutate((o) => (o.kind = 'process')), 'connection'],
  ])('%s → diagnostic at %j', (_name, line, path) => {
    expect(diag(line).path).toBe(path);
  });

  it('never throws, whatever the line', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((v) => JSON.stringify(v))), (line) => {
        const r = parseEventLine(line);
        expect(r).toBeTypeOf('object');
      }),
      { numRuns: 500 },
    );
  });
});
