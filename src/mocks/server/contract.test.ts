/**
 * Contract: the browser mock (handlers in-process, as the demo runs them) and the HTTP
 * mock server give identical answers — status, content type, request id, body — to the
 * same requests, including errors and writes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FetchLike } from '../../api/http.ts';
import { MockBackend } from '../backend/mock-backend.ts';
import { DEMO_API_KEY, DEMO_READ_ONLY_KEY } from '../constants.ts';
import { createTestApi, TEST_NOW, type TestApi } from '../testing/test-api.ts';
import { startMockServer, type RunningMockServer } from './http-server.ts';

interface Step {
  method: string;
  path: string | ((prev: Answer[]) => string);
  /** A JSON body, or a function of the earlier answers that returns one. */
  body?: unknown;
  key?: string | null;
  raw?: string;
}

interface Answer {
  status: number;
  contentType: string | null;
  requestId: string | null;
  body: string;
}

const ORG = '/api/v1/org/acme-demo';
const json = (a: Answer | undefined): Record<string, unknown> => JSON.parse(a?.body ?? '{}') as Record<string, unknown>;
const firstPolicy = (a: Answer[]): Record<string, unknown> => ((JSON.parse(a[4]?.body.split('\n')[0] ?? '[]') as { policy: Record<string, unknown> }[])[0]?.policy ?? {});
const uidOf = (p: Record<string, unknown>): string => String((p.metadata as Record<string, unknown>).uid);
const policyLines = (a: Answer[]): { policy: Record<string, unknown> }[] => JSON.parse(a[4]?.body.split('\n')[0] ?? '[]') as { policy: Record<string, unknown> }[];
const bodyPolicy = (a: Answer | undefined): unknown => (JSON.parse(a?.body ?? '{}') as { policy?: unknown }).policy;

const steps: Step[] = [
  { method: 'GET', path: '/api/v1/org/' },
  { method: 'GET', path: '/api/v1/org/', key: null },
  { method: 'GET', path: '/api/v1/org/', key: 'wrong' },
  { method: 'GET', path: `${ORG}/cluster/` },
  { method: 'GET', path: `${ORG}/analyticspolicy/` },
  { method: 'GET', path: `${ORG}/analyticspolicy/?type=linux-service&name_or_uid_contains=ssh` },
  { method: 'GET', path: (a) => `${ORG}/analyticspolicy/${encodeURIComponent(uidOf(firstPolicy(a)))}` },
  { method: 'GET', path: `${ORG}/analyticspolicy/pol:missing` },
  { method: 'POST', path: `${ORG}/search/?limit=500`, body: { schema: 'model_fingerprint', query: 'metadata.type = "container" AND namespace ~= "*-prod"', start_time: TEST_NOW - 30 * 86400, end_time: TEST_NOW, output_fields: ['full_json'] } },
  { method: 'POST', path: (a) => `${ORG}/search/${String(json(a[8]).id)}`, body: { limit: 50, token: null } },
  { method: 'POST', path: (a) => `${ORG}/search/${String(json(a[8]).id)}`, body: { limit: 50, token: '50' } },
  {
    method: 'POST',
    path: `${ORG}/search/`,
    body: { schema: 'event_deviation', query: '', start_time: TEST_NOW - 7 * 86400, end_time: TEST_NOW, group_by: [{ name: 'time', bins: Array.from({ length: 8 }, (_, i) => TEST_NOW - (7 - i) * 86400) }, { name: 'policy_mode' }] },
  },
  { method: 'POST', path: (a) => `${ORG}/search/${String(json(a[11]).id)}`, body: { limit: 999, token: null } },
  { method: 'POST', path: `${ORG}/search/`, body: { schema: 'event_redflag', query: 'severity = ', start_time: 0, end_time: TEST_NOW } },
  { method: 'POST', path: `${ORG}/analyticspolicy/logs`, body: (a: Answer[]) => ({ start_time: TEST_NOW - 90 * 86400, end_time: TEST_NOW, data_type: 'audit', src_uid: uidOf(firstPolicy(a)), pipeline: [{ filter: { schema: 'event_audit' } }, { latest_model: {} }] }) },
  { method: 'POST', path: `${ORG}/analyticspolicy/`, body: (a: Answer[]) => ({ policy: { ...firstPolicy(a), metadata: { name: 'contract-copy', type: (firstPolicy(a).metadata as Record<string, unknown>).type } } }) },
  { method: 'POST', path: `${ORG}/analyticspolicy/`, body: { policy: { apiVersion: 'spyderbat/v1', kind: 'SpyderbatPolicy', metadata: { name: 'bad', type: 'container' }, spec: { containerSelector: {}, processPolicy: [], networkPolicy: { ingress: [], egress: [] } } } } },
  { method: 'GET', path: (a) => `${ORG}/analyticspolicy/${String(json(a[15]).uid)}` },
  { method: 'PUT', path: `${ORG}/analyticspolicy/`, body: (a: Answer[]) => ({ policy: bodyPolicy(a[17]) }) },
  { method: 'PUT', path: `${ORG}/analyticspolicy/`, body: (a: Answer[]) => ({ policy: bodyPolicy(a[17]) }) },
  { method: 'DELETE', path: (a) => `${ORG}/analyticspolicy/${String(json(a[15]).uid)}` },
  { method: 'DELETE', path: (a) => `${ORG}/analyticspolicy/${String(json(a[15]).uid)}` },
  { method: 'POST', path: `${ORG}/analyticspolicy/`, body: { policy: {} }, key: DEMO_READ_ONLY_KEY },
  { method: 'POST', path: `${ORG}/analyticspolicy/`, raw: '{not json' },
  { method: 'GET', path: (a) => `${ORG}/analyticsruleset/?in_policy=${encodeURIComponent(uidOf(policyLines(a).find((x) => (x.policy.metadata as { type?: string }).type === 'cluster')?.policy ?? { metadata: { uid: '' } }))}` },
  { method: 'POST', path: `${ORG}/objects`, body: (a: Answer[]) => ({ ids: ((JSON.parse(a[9]?.body ?? '{}') as { results: { id: string }[] }).results ?? []).slice(0, 3).map((r) => r.id) }) },
  { method: 'GET', path: '/api/v1/nowhere' },
  { method: 'GET', path: '/api/v1/org/acme-nope/cluster/' },
];

async function run(fetch: FetchLike, base: string): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (const s of steps) {
    const path = typeof s.path === 'function' ? s.path(answers) : s.path;
    const body = typeof s.body === 'function' ? (s.body as (prev: Answer[]) => unknown)(answers) : s.body;
    const headers: Record<string, string> = {};
    const key = s.key === undefined ? DEMO_API_KEY : s.key;
    if (key) headers.authorization = `Bearer ${key}`;
    const text = s.raw ?? (body === undefined ? undefined : JSON.stringify(body));
    if (text !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(new Request(`${base}${path}`, { method: s.method, headers, ...(text !== undefined ? { body: text } : {}) }));
    answers.push({ status: res.status, contentType: res.headers.get('content-type'), requestId: res.headers.get('x-context-uid'), body: await res.text() });
  }
  return answers;
}

describe('browser mock and HTTP mock server', () => {
  let inPage: TestApi;
  let server: RunningMockServer;

  beforeAll(async () => {
    inPage = createTestApi();
    let ms = TEST_NOW * 1000;
    server = await startMockServer({ backend: MockBackend.createSync({ now: TEST_NOW, clock: () => (ms += 1) }) });
  });

  afterAll(async () => {
    await server.close();
  });

  it('answer the same request sequence identically', async () => {
    const a = await run(inPage.fetch, 'http://mock.test');
    const b = await run((req) => fetch(req), server.url);
    expect(b.map((x) => x.status)).toEqual(a.map((x) => x.status));
    expect(a.map((x) => x.status)).toEqual([200, 401, 401, 200, 200, 200, 200, 404, 200, 200, 200, 200, 200, 400, 200, 200, 400, 200, 200, 409, 200, 404, 403, 400, 200, 200, 404, 404]);
    for (let i = 0; i < a.length; i++) {
      expect(b[i], `step ${i}: ${steps[i]?.method ?? ''} ${String(steps[i]?.path)}`).toEqual(a[i]);
    }
    expect((JSON.parse(a[9]?.body ?? '{}') as { results: unknown[] }).results).toHaveLength(50);
    expect(JSON.parse(a[16]?.body ?? '{}')).toMatchObject({ errors: expect.arrayContaining([expect.objectContaining({ path: 'spec.mode' })]) as unknown });
  });

  it('the server adds CORS and answers preflights', async () => {
    const pre = await fetch(`${server.url}/api/v1/org/`, { method: 'OPTIONS', headers: { origin: 'http://127.0.0.1:4173', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:4173');
    expect(pre.headers.get('access-control-allow-headers')).toContain('authorization');
    const res = await fetch(`${server.url}/api/v1/org/`, { headers: { origin: 'http://127.0.0.1:4173', authorization: `Bearer ${DEMO_API_KEY}` } });
    expect(res.headers.get('access-control-expose-headers')).toContain('x-context-uid');
  });

  it('a simulated outage fails both the same way: no HTTP answer at all', async () => {
    inPage.backend.setFaults({ networkDown: true });
    const res = await fetch(`${server.url}/__palisade/faults`, { method: 'PUT', headers: { authorization: `Bearer ${DEMO_API_KEY}` }, body: JSON.stringify({ networkDown: true }) });
    expect(res.status).toBe(200);
    await expect(inPage.fetch(new Request('http://mock.test/api/v1/org/'))).rejects.toBeInstanceOf(TypeError);
    await expect(fetch(`${server.url}/api/v1/org/`)).rejects.toBeInstanceOf(TypeError);
    await fetch(`${server.url}/__palisade/faults`, { method: 'PUT', headers: { authorization: `Bearer ${DEMO_API_KEY}` }, body: JSON.stringify({ networkDown: false }) });
    inPage.backend.setFaults({ networkDown: false });
  });
});
