import { afterEach, describe, expect, it, vi } from 'vitest';
import { ensureDataset, forgetDataset, getEngineClient, hasEngineClient, isUnknownRevision, resetEngineClient } from './use-engine.ts';

afterEach(() => resetEngineClient());

describe('shared engine client', () => {
  it('is created lazily, once', () => {
    expect(hasEngineClient()).toBe(false);
    const a = getEngineClient();
    expect(hasEngineClient()).toBe(true);
    expect(getEngineClient()).toBe(a);
  });

  it('builds and loads a revision once however many callers ask', async () => {
    const build = vi.fn(() => ({ fingerprints: [] }));
    const [a, b] = await Promise.all([ensureDataset('r1', build), ensureDataset('r1', build)]);
    expect(build).toHaveBeenCalledTimes(1);
    expect(a).toEqual({ revision: 'r1', fingerprints: 0, policies: 0, events: 0, skipped: 0 });
    expect(b).toBe(a);
    await ensureDataset('r1', build);
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('forgets a failed build so the next call retries, and a revision on request', async () => {
    let fail = true;
    const build = vi.fn(() => {
      if (fail) throw new Error('no data');
      return { fingerprints: [] };
    });
    await expect(ensureDataset('r2', build)).rejects.toThrow('no data');
    fail = false;
    await expect(ensureDataset('r2', build)).resolves.toMatchObject({ revision: 'r2' });
    forgetDataset('r2');
    await ensureDataset('r2', build);
    expect(build).toHaveBeenCalledTimes(3);
  });

  it('recognises an evicted revision', async () => {
    const e = await getEngineClient()
      .previewPolicy('a: 1', { revision: 'never-loaded' })
      .catch((x: unknown) => x);
    expect(isUnknownRevision(e)).toBe(true);
    expect(isUnknownRevision(new Error('other'))).toBe(false);
  });
});
