/**
 * Where the console's data comes from: the bundled demo backend (default) or a
 * Spyderbat-v1-shaped API. The API key is never stored here (see api-key-store.ts).
 */
import { activeFaultLabels, type FaultSettings } from './demo-backend.ts';

export type DataSource = { kind: 'demo' } | { kind: 'api'; baseUrl: string; org?: string };

const KEY = 'palisade.dataSource';

export function readDataSource(): DataSource {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return { kind: 'demo' };
    const parsed: unknown = JSON.parse(raw);
    if (parsed && typeof parsed === 'object' && 'kind' in parsed && parsed.kind === 'api' && 'baseUrl' in parsed && typeof parsed.baseUrl === 'string') {
      const org = 'org' in parsed && typeof parsed.org === 'string' ? parsed.org : undefined;
      return org ? { kind: 'api', baseUrl: parsed.baseUrl, org } : { kind: 'api', baseUrl: parsed.baseUrl };
    }
  } catch {
    // Corrupt or unavailable storage: fall back to demo data.
  }
  return { kind: 'demo' };
}

export function writeDataSource(source: DataSource): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(source));
  } catch {
    // Storage unavailable: the choice lasts for this page only.
  }
}

/** The label the top bar shows; active demo fault scenarios are named so they are never forgotten. */
export function dataSourceLabel(source: DataSource, faults?: FaultSettings): string {
  if (source.kind === 'api') return `API · ${source.baseUrl}`;
  const active = faults ? activeFaultLabels(faults) : [];
  return active.length > 0 ? `Demo data · simulating ${active.join(', ')}` : 'Demo data';
}

/** `https://host/` → `https://host`; blank → error message. */
export function normalizeBaseUrl(input: string): { ok: true; value: string } | { ok: false; error: string } {
  const v = input.trim().replace(/\/+$/, '');
  if (v === '') return { ok: false, error: 'Enter the API base URL, e.g. https://api.spyderbat.com' };
  if (v.startsWith('/')) return /^\/[\w./-]*$/.test(v) ? { ok: true, value: v } : { ok: false, error: 'A relative base URL must be a plain path such as /proxy' };
  try {
    const u = new URL(v);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return { ok: false, error: 'Use an http:// or https:// URL' };
    if (u.username || u.password) return { ok: false, error: 'Do not put credentials in the URL: use the API key field' };
    if (u.search || u.hash) return { ok: false, error: 'The base URL takes no query string or fragment' };
    return { ok: true, value: v };
  } catch {
    return { ok: false, error: `"${v}" is not a valid URL` };
  }
}
