import { describe, expect, it } from 'vitest';
import { needsConfirmation, parseDraftForMerge } from './use-add-to-policy.ts';
import { previewFingerprints } from './use-preview-dataset.ts';
import { deviatingFingerprint, nginxYaml } from './test-fixtures.ts';

describe('parseDraftForMerge', () => {
  it('gives the policy and its node ids', () => {
    const r = parseDraftForMerge(nginxYaml('p', 'pol:1'));
    expect('error' in r).toBe(false);
    if ('error' in r) return;
    expect(r.shape).toEqual({ type: 'container', uid: 'pol:1', ids: new Set(['nginx_0', 'nginx_1']) });
  });

  it('refuses broken YAML, cluster policies and non-policies', () => {
    expect(parseDraftForMerge(nginxYaml().replace('  mode: audit', '  mode: [audit'))).toEqual({ error: expect.stringMatching(/^Fix the YAML first \(line \d+\)\.$/) as unknown });
    expect(parseDraftForMerge('apiVersion: spyderbat/v1\nkind: SpyderbatPolicy\nmetadata:\n  name: c\n  type: cluster\nspec: {}\n')).toEqual({ error: expect.stringContaining('Cluster policies') as unknown });
    expect(parseDraftForMerge('a: 1\n')).toEqual({ error: 'The draft holds no SpyderbatPolicy to add to.' });
  });
});

describe('needsConfirmation', () => {
  it('only for merges that widen or drop a selector', () => {
    expect(needsConfirmation([{ code: 'selector-widened', message: '' }])).toBe(true);
    expect(needsConfirmation([{ code: 'selector-dropped', message: '' }])).toBe(true);
    expect(needsConfirmation([{ code: 'network-node', message: '' }])).toBe(false);
    expect(needsConfirmation([])).toBe(false);
  });
});

describe('previewFingerprints', () => {
  it('keeps what the engine keeps, so its fingerprint indices index this list', () => {
    const ok = deviatingFingerprint();
    const bad = { ...deviatingFingerprint('x'), metadata: { ...ok.metadata, type: 'cluster' } } as unknown as typeof ok;
    expect(previewFingerprints([bad, ok])).toEqual([ok]);
  });
});
