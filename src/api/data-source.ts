/**
 * Where the console's data comes from: the bundled demo backend (default) or a
 * Spyderbat-v1-shaped API. The API key is never stored here (see api-key-store.ts).
 */
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
  localStorage.setItem(KEY, JSON.stringify(source));
}

/** The label the top bar shows. */
export function dataSourceLabel(source: DataSource): string {
  return source.kind === 'demo' ? 'Demo data' : `API · ${source.baseUrl}`;
}
