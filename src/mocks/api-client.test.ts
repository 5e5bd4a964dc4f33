/** The API client against the mock's request handlers (in-process, as in the browser). */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors.ts';
import { listClusters, listNamespaces } from '../api/clusters.ts';
import { listOrgs } from '../api/orgs.ts';
import { createTestApi, useTestClock } from './testing/test-api.ts';
import { DEMO_READ_ONLY_KEY } from './constants.ts';

useTestClock();

describe('orgs and clusters', () => {
  const api = createTestApi();

  it('lists both orgs and the three clusters of the demo org', async () => {
    expect((await listOrgs(api.client)).map((o) => o.uid)).toEqual(['acme-demo', 'acme-sandbox']);
    const clusters = await listClusters(api.client);
    expect(clusters.map((c) => c.platform)).toEqual(['eks', 'kubernetes', 'linux']);
    expect(clusters.every((c) => c.uid.startsWith('clus:') && typeof c.lastData === 'number')).toBe(true);
  });

  it('lists about forty namespaces through the search endpoint', async () => {
    const ns = await listNamespaces(api.client);
    expect(ns.length).toBeGreaterThanOrEqual(35);
    expect(ns.length).toBeLessThanOrEqual(45);
    expect(ns.find((n) => n.name === 'kube-system')?.labels['kubernetes.io/metadata.name']).toBe('kube-system');
  });

  it('answers an empty org with empty lists, and an unknown org with 404', async () => {
    expect(await listClusters(api.clientWith({ org: 'acme-sandbox' }))).toEqual([]);
    await expect(listClusters(api.clientWith({ org: 'nope' }))).rejects.toMatchObject({ status: 404 });
  });

  it('needs an org for org resources', async () => {
    await expect(listClusters(api.clientWith({ org: null }))).rejects.toMatchObject({ kind: 'config' });
  });
});

describe('API keys', () => {
  const api = createTestApi();

  it('401 without a key or with a wrong one, with the message and a request id', async () => {
    for (const apiKey of [null, 'wrong']) {
      const e = await listOrgs(api.clientWith({ apiKey })).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ApiError);
      expect((e as ApiError).status).toBe(401);
      expect((e as ApiError).isAuth).toBe(true);
      expect((e as ApiError).requestId).toMatch(/^ctx:/);
      expect((e as ApiError).message).toMatch(apiKey ? /^401 Unauthorized: Invalid API key$/ : /^401 Unauthorized: Missing API key/);
    }
  });

  it('a read-only key reads but gets 403 on writes', async () => {
    const ro = api.clientWith({ apiKey: DEMO_READ_ONLY_KEY });
    expect(await listOrgs(ro)).toHaveLength(2);
    const e = await ro.http.json('DELETE', '/api/v1/org/acme-demo/analyticspolicy/pol:x').catch((x: unknown) => x);
    expect(e).toMatchObject({ status: 403, detail: 'This API key is read-only' });
  });

  it('the expired-key fault answers 401 to every key', async () => {
    api.backend.setFaults({ expiredKey: true });
    await expect(listOrgs(api.client)).rejects.toMatchObject({ status: 401, detail: 'API key expired' });
    api.backend.setFaults({ expiredKey: false });
  });
});

describe('fault scenarios through the client', () => {
  it('network down: GETs are retried, then fail as a network error', async () => {
    const api = createTestApi({ faults: { networkDown: true } });
    let calls = 0;
    const client = api.clientWith({ fetch: (r) => (calls++, api.fetch(r)) });
    await expect(listOrgs(client)).rejects.toMatchObject({ kind: 'network' });
    expect(calls).toBe(3);
  });

  it('HTTP 500 on every request, or on every third', async () => {
    const api = createTestApi({ faults: { errorRate: 1 } });
    await expect(listOrgs(api.client)).rejects.toMatchObject({ status: 500 });
    api.backend.setFaults({ errorRate: 1 / 3 });
    const results = await Promise.allSettled([1, 2, 3, 4, 5, 6].map(() => listOrgs(api.client)));
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(2);
  });

  it('slow responses: a short client timeout gives a timeout error; aborting cancels', async () => {
    const api = createTestApi({ faults: { latencyMs: 5_000 } });
    await expect(listOrgs(api.clientWith({ timeoutMs: 30 }))).rejects.toMatchObject({ kind: 'timeout' });
    const ctrl = new AbortController();
    const pending = listOrgs(api.client, ctrl.signal);
    setTimeout(() => ctrl.abort(), 20);
    await expect(pending).rejects.toMatchObject({ kind: 'aborted' });
  });
});
