import { describe, expect, it } from 'vitest';
import { previewPolicy } from '../../../engine/preview/preview.ts';
import { firstSyntaxError } from './draft-status.ts';
import { deviatingFingerprint, nginxYaml } from './test-fixtures.ts';

describe('firstSyntaxError', () => {
  it('finds the line of broken YAML in an engine preview result', () => {
    const broken = nginxYaml().replace('  mode: audit', '  mode: [audit');
    const r = previewPolicy(broken, { fingerprints: [deviatingFingerprint()] });
    const e = firstSyntaxError(r);
    expect(e?.line).toBeGreaterThanOrEqual(10);
    expect(e?.message).not.toMatch(/^YAML syntax error/);
  });

  it('ignores schema errors: a draft that parses is previewed', () => {
    const r = previewPolicy(nginxYaml().replace('mode: audit', 'mode: sometimes'), { fingerprints: [deviatingFingerprint()] });
    expect(r.errorCount).toBeGreaterThan(0);
    expect(firstSyntaxError(r)).toBeNull();
  });
});
