/** Direct HTTP calls to a mock server process, for test setup (what a script against the real API would do). */
export interface Fingerprint {
  metadata: { id: string; name: string; type: string; image?: string; [k: string]: unknown };
  spec: Record<string, unknown>;
  [k: string]: unknown;
}

const KEY = 'palisade-demo-key';
const ORG = 'acme-demo';

async function post(url: string, body: unknown): Promise<unknown> {
  const res = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

export async function searchAll(base: string, schema: string, query = ''): Promise<Record<string, unknown>[]> {
  const now = Math.floor(Date.now() / 1000);
  const { id } = (await post(`${base}/api/v1/org/${ORG}/search/`, { schema, query, start_time: now - 30 * 86400, end_time: now, output_fields: ['full_json'] })) as { id: string };
  const out: Record<string, unknown>[] = [];
  let token: string | undefined;
  for (let i = 0; i < 1000; i++) {
    const r = (await post(`${base}/api/v1/org/${ORG}/search/${id}`, { limit: 999, ...(token ? { token } : {}) })) as { status?: string; results?: Record<string, unknown>[]; token?: string };
    if (!r.results) continue;
    out.push(...r.results);
    if (!r.token || r.results.length === 0) break;
    token = r.token;
  }
  return out;
}

export async function fingerprints(base: string): Promise<Fingerprint[]> {
  const rows = await searchAll(base, 'model_fingerprint');
  return rows.map((r) => (typeof r.full_json === 'string' ? JSON.parse(r.full_json) : r.full_json) as Fingerprint);
}
