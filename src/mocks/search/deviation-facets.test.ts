import { describe, expect, it } from 'vitest';
import { deviationFacets, deviationKindOf, workloadOf } from './deviation-facets.ts';

const dev = (spec: Record<string, unknown>, type = 'container') => ({ kind: 'GuardianDeviation', metadata: { type }, spec });

describe('deviation facets', () => {
  it('names the kind: new process, ingress, egress, image rule', () => {
    expect(deviationKindOf(dev({ processPolicy: [{ policyNode: { id: 'java_0', children: [{ id: 'bash_0', name: 'bash' }] } }] }))).toBe('process');
    expect(deviationKindOf(dev({ processPolicy: [{ id: 'nc_0', name: 'nc', exe: ['/bin/nc'] }] }))).toBe('process');
    expect(deviationKindOf(dev({ processPolicy: [{ policyNode: { id: 'nginx_0', children: [] } }], networkPolicy: { ingress: [{ from: [] }] } }))).toBe('ingress');
    expect(deviationKindOf(dev({ processPolicy: [{ policyNode: { id: 'python_0', children: [] } }], networkPolicy: { egress: [{ to: [] }] } }))).toBe('egress');
    expect(deviationKindOf(dev({ rules: [{ target: 'container::image', verb: 'allow', values: ['x'] }] }, 'cluster'))).toBe('image');
    expect(deviationKindOf(dev({}))).toBe('other');
    expect(deviationKindOf(null)).toBe('other');
  });

  it('reads the workload from both description wordings', () => {
    expect(workloadOf('Process "bash" in container image "ghcr.io/acme/api:1.2" ns:"prod" cluster:"eks" deviated')).toBe('ghcr.io/acme/api:1.2');
    expect(workloadOf('Container image "nginx:1.27" ns:"web" cluster:"dc1" deviated from policy "p".')).toBe('nginx:1.27');
    expect(workloadOf('Egress connection to 1.2.3.4 in service "sshd" host:"edge-1" deviated')).toBe('sshd');
    expect(workloadOf('something else')).toBe('');
  });

  it('returns the policy type from the deviation metadata', () => {
    const f = deviationFacets({ deviation: dev({ networkPolicy: { egress: [{}] } }, 'linux-service'), description: 'x in service "cron" host:"h"' });
    expect(f).toEqual({ policy_type: 'linux-service', deviation_kind: 'egress', workload: 'cron' });
  });
});
