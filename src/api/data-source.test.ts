import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { forgetApiKey, isApiKeyRemembered, maskApiKey, readApiKey, saveApiKey } from './api-key-store.ts';
import { dataSourceLabel, normalizeBaseUrl, readDataSource, writeDataSource } from './data-source.ts';
import { NO_FAULTS, activeFaultLabels, normalizeFaults } from './demo-backend.ts';

class MemoryStorage implements Storage {
  private readonly m = new Map<string, string>();
  get length(): number {
    return this.m.size;
  }
  clear(): void {
    this.m.clear();
  }
  getItem(k: string): string | null {
    return this.m.get(k) ?? null;
  }
  key(i: number): string | null {
    return [...this.m.keys()][i] ?? null;
  }
  removeItem(k: string): void {
    this.m.delete(k);
  }
  setItem(k: string, v: string): void {
    this.m.set(k, v);
  }
}

const g = globalThis as { localStorage?: Storage; sessionStorage?: Storage };

beforeEach(() => {
  g.localStorage = new MemoryStorage();
  g.sessionStorage = new MemoryStorage();
});

afterEach(() => {
  delete g.localStorage;
  delete g.sessionStorage;
});

describe('api key store', () => {
  it('keeps the key in session storage unless remembered, and forgets it everywhere', () => {
    saveApiKey('k-123', false);
    expect(readApiKey()).toBe('k-123');
    expect(g.sessionStorage?.getItem('palisade.apiKey')).toBe('k-123');
    expect(g.localStorage?.getItem('palisade.apiKey')).toBeNull();
    expect(isApiKeyRemembered()).toBe(false);
    saveApiKey('k-456', true);
    expect(g.sessionStorage?.getItem('palisade.apiKey')).toBeNull();
    expect(g.localStorage?.getItem('palisade.apiKey')).toBe('k-456');
    expect(isApiKeyRemembered()).toBe(true);
    forgetApiKey();
    expect(readApiKey()).toBeNull();
  });

  it('masks keys, showing at most their last four characters', () => {
    expect(maskApiKey('short')).toBe('••••');
    expect(maskApiKey('0123456789abcdefWXYZ')).toBe('…WXYZ');
  });
});

describe('data source', () => {
  it('defaults to demo data and round-trips an API source without the key', () => {
    expect(readDataSource()).toEqual({ kind: 'demo' });
    writeDataSource({ kind: 'api', baseUrl: 'https://api.example.com', org: 'o1' });
    expect(readDataSource()).toEqual({ kind: 'api', baseUrl: 'https://api.example.com', org: 'o1' });
    g.localStorage?.setItem('palisade.dataSource', '{broken');
    expect(readDataSource()).toEqual({ kind: 'demo' });
  });

  it('labels the source and names active demo faults', () => {
    expect(dataSourceLabel({ kind: 'demo' }, NO_FAULTS)).toBe('Demo data');
    expect(dataSourceLabel({ kind: 'demo' }, { ...NO_FAULTS, networkDown: true, latencyMs: 3000 })).toBe('Demo data · simulating network down, slow 3 s');
    expect(dataSourceLabel({ kind: 'api', baseUrl: 'http://127.0.0.1:8787' })).toBe('API · http://127.0.0.1:8787');
  });

  it('normalises base URLs and refuses credentials, queries and other schemes', () => {
    expect(normalizeBaseUrl(' https://api.spyderbat.com/ ')).toEqual({ ok: true, value: 'https://api.spyderbat.com' });
    expect(normalizeBaseUrl('/proxy')).toEqual({ ok: true, value: '/proxy' });
    for (const bad of ['', 'ftp://x', 'https://user:pw@x.com', 'https://x.com/?key=1', 'not a url']) expect(normalizeBaseUrl(bad).ok, bad).toBe(false);
  });

  it('clamps fault settings', () => {
    expect(normalizeFaults({ latencyMs: 99_999, errorRate: 2 })).toMatchObject({ latencyMs: 10_000, errorRate: 1 });
    expect(activeFaultLabels(normalizeFaults({ errorRate: 1 / 3, conflictOnUpdate: true }))).toEqual(['HTTP 500 on 1 in 3', '409 on update']);
  });
});
