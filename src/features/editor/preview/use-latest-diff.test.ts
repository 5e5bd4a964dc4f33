import { describe, expect, it } from 'vitest';
import { seenSince } from './use-latest-diff.ts';
import { deviatingFingerprint } from './test-fixtures.ts';

describe('seenSince (spyctl diff --latest)', () => {
  const at = (name: string, t: unknown) => {
    const fp = deviatingFingerprint(name);
    (fp.metadata as Record<string, unknown>).latestTimestamp = t;
    return fp;
  };
  it('keeps fingerprints seen at or after the policy latestTimestamp', () => {
    const T = 1_700_000_200;
    const fps = [at('old', T - 100), at('new', T + 100), at('edge', T), at('ms-old', (T - 100) * 1000), at('ms-new', (T + 100) * 1000), at('text', String(T + 1)), at('none', undefined)];
    expect(seenSince(fps, T).map((f) => f.metadata.containerName)).toEqual(['new', 'edge', 'ms-new', 'text', 'none']);
    expect(seenSince(fps, null)).toHaveLength(7);
  });
});
