/**
 * The request handlers of the mock Spyderbat-v1 API. The same list serves the browser
 * (in-page via getResponse, or a Service Worker), Vitest (setupServer / getResponse) and
 * the standalone mock server (src/mocks/server).
 */
import { http, type RequestHandler } from 'msw';
import type { MockBackend } from '../backend/mock-backend.ts';
import { createObject, deleteObject, getObject, listObjects, updateObject, type ObjectKind } from '../backend/objects-ops.ts';
import { policyLogs } from '../backend/logs-ops.ts';
import { fail, ok } from '../backend/result.ts';
import { createSearch, hydrate, pollSearch } from '../backend/search-ops.ts';
import { route, type Call } from './respond.ts';

export interface HandlerOptions {
  /** URL prefix the handlers answer under: `*` (any origin, any base path) by default. */
  base?: string;
}

const param = (c: Call, name: string): string => {
  const v = c.params[name];
  return decodeURIComponent(typeof v === 'string' ? v : '');
};

function objectRoutes(b: MockBackend, p: (path: string) => string, path: string, kind: ObjectKind): RequestHandler[] {
  return [
    http.get(
      p(`/api/v1/org/:org/${path}/`),
      route(b, ({ org, url }) => {
        const q = url.searchParams;
        return listObjects(org, kind, {
          type: q.get('type'),
          nameOrUid: q.get('name_or_uid_contains'),
          fromArchive: q.get('from_archive') === 'true',
          selectorHash: q.get('selector_hash_equals'),
          inPolicy: q.get('in_policy'),
        });
      }),
    ),
    http.get(p(`/api/v1/org/:org/${path}/:uid`), route(b, (c) => getObject(c.org, kind, param(c, 'uid')))),
    http.post(p(`/api/v1/org/:org/${path}/`), route(b, (c) => createObject(b, c.org, kind, c.body), { write: true })),
    http.put(p(`/api/v1/org/:org/${path}/`), route(b, (c) => updateObject(b, c.org, kind, c.body), { write: true })),
    http.delete(p(`/api/v1/org/:org/${path}/:uid`), route(b, (c) => deleteObject(b, c.org, kind, param(c, 'uid')), { write: true })),
  ];
}

export function createHandlers(b: MockBackend, options: HandlerOptions = {}): RequestHandler[] {
  const base = options.base ?? '*';
  const p = (path: string): string => `${base}${path}`;
  return [
    http.get(
      p('/api/v1/org/'),
      route(b, () => ok([...b.orgs.values()].map((o) => ({ uid: o.uid, name: o.name }))), { org: false }),
    ),
    http.get(p('/api/v1/org/:org/cluster/'), route(b, ({ org }) => ok(org.clusters))),
    http.post(p('/api/v1/org/:org/analyticspolicy/logs'), route(b, ({ org, body }) => policyLogs(b, org, body))),
    ...objectRoutes(b, p, 'analyticspolicy', 'policy'),
    ...objectRoutes(b, p, 'analyticsruleset', 'ruleset'),
    http.post(p('/api/v1/org/:org/search/'), route(b, ({ org, body, url }) => createSearch(b, org, body, url.searchParams.get('limit')))),
    http.post(p('/api/v1/org/:org/search/:id'), route(b, (c) => pollSearch(b, c.org, param(c, 'id'), c.body))),
    http.post(p('/api/v1/org/:org/objects'), route(b, ({ org, body }) => hydrate(b, org, body))),
    http.all(p('/api/v1/*'), route(b, ({ request, url }) => fail(404, `No route for ${request.method} ${url.pathname}`), { org: false })),
  ];
}
