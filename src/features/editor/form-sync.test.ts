import { describe, expect, it } from 'vitest';
import { applyForm, readForm } from './form-sync.ts';

const YAML = `apiVersion: spyderbat/v1
kind: SpyderbatPolicy
metadata:
  name: web
  type: container
spec:
  # the workload
  containerSelector:
    image: docker.io/library/nginx:*
  mode: audit
  processPolicy:
  - name: nginx
    exe:
    - /usr/sbin/nginx
    id: nginx_0
    euser:
    - root
  networkPolicy:
    ingress: []
    egress: []
  response:
    default:
    - makeRedFlag:
        severity: high
    actions:
    - makeRedFlag:
        severity: critical
      namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: prod
`;

describe('form ↔ YAML sync', () => {
  it('reads the form from the YAML', () => {
    const r = readForm(YAML);
    expect(r).toEqual({
      ok: true,
      form: { name: 'web', type: 'container', mode: 'audit', enabled: true, image: 'docker.io/library/nginx:*', namespace: '', cgroup: '', redFlagSeverity: 'high', kills: [] },
    });
  });

  it('applies form edits and keeps comments and everything else as written', () => {
    const next = applyForm(YAML, { mode: 'enforce', enabled: false, namespace: 'prod', redFlagSeverity: 'critical' });
    expect(next).toContain('  # the workload\n  containerSelector:');
    expect(next).toContain('  mode: enforce');
    expect(next).toContain('  enabled: false');
    expect(next).toContain('  processPolicy:\n  - name: nginx\n    exe:\n    - /usr/sbin/nginx');
    const back = readForm(next);
    expect(back.ok && back.form).toMatchObject({ mode: 'enforce', enabled: false, namespace: 'prod', redFlagSeverity: 'critical' });
  });

  it('manages scoped kill actions and keeps other scoped actions', () => {
    const next = applyForm(YAML, { kills: [{ action: 'agentKillPod', namespace: 'prod', podLabel: 'app=web' }] });
    const r = readForm(next);
    expect(r.ok && r.form.kills).toEqual([{ action: 'agentKillPod', namespace: 'prod', podLabel: 'app=web' }]);
    expect(next).toContain('severity: critical'); // the scoped makeRedFlag survives
    const cleared = applyForm(next, { kills: [] });
    expect(readForm(cleared).ok && (readForm(cleared) as { form: { kills: unknown[] } }).form.kills).toEqual([]);
    expect(cleared).toContain('severity: critical');
  });

  it('removes a selector emptied from the form, and re-enabling drops enabled: false', () => {
    const noImage = applyForm(YAML, { image: '' });
    expect(noImage).not.toContain('containerSelector');
    expect(applyForm(applyForm(YAML, { enabled: false }), { enabled: true })).not.toContain('enabled');
  });

  it('locks on invalid YAML and says where', () => {
    const broken = YAML.replace('  mode: audit', '  mode: [audit');
    const r = readForm(broken);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.line).toBeGreaterThanOrEqual(10);
    expect(applyForm(broken, { mode: 'enforce' })).toBe(broken); // nothing is rewritten
  });

  it('refuses documents that are not policies', () => {
    expect(readForm('kind: SpyderbatFingerprint\nspec: {}\n')).toMatchObject({ ok: false, message: /not a SpyderbatPolicy/ });
    expect(readForm('- a\n- b\n')).toMatchObject({ ok: false });
  });
});
