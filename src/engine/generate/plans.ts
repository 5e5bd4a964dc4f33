/** Which workloads get policies, with what name and status. */
import type { Rng } from './prng.ts';
import { statusFor, type PolicyPlan } from './policies.ts';
import type { WorkloadState } from './workloads.ts';

const SERVICE_VARIANTS: readonly (readonly [string, string, string])[] = [
  ['ssh.service', 'bastion-*', 'ssh-bastion'],
  ['cron.service', 'build-*', 'cron-build-hosts'],
  ['nginx.service', 'web-0[1-3]*', 'nginx-web-canary'],
];

function priority(s: WorkloadState): number {
  const prod = !!s.w.namespace && /prod/.test(s.w.namespace);
  if (s.w.role === 'app') return prod ? 0 : 3;
  if (s.w.role === 'system') return s.w.app === 'coredns' || s.w.app === 'kube-proxy' ? 1 : 5;
  return prod ? 2 : 4;
}

function containerName(s: WorkloadState): string {
  const ns = s.w.namespace ?? '';
  if (s.w.role === 'system') return `${s.w.app}-${s.w.cluster.name}`;
  if (ns.startsWith(`${s.w.app}-`)) return ns;
  const head = s.w.app.split('-')[0] ?? s.w.app;
  return ns.startsWith(`${head}-`) ? `${s.w.app}${ns.slice(head.length)}` : `${s.w.app}-${ns}`;
}

export function planPolicies(states: readonly WorkloadState[], count: number, rng: Rng, fleetCount: number): PolicyPlan[] {
  const services = states.filter((s) => s.w.template.type === 'linux-service' && s.replicas.length > 0);
  const containers = states.filter((s) => s.w.template.type === 'container' && s.replicas.length > 0);
  const plans: PolicyPlan[] = [];
  const names = new Set<string>();
  const unique = (name: string, suffix: string): string => {
    const n = names.has(name) ? `${name}-${suffix}` : name;
    names.add(n);
    return n;
  };
  const serviceTarget = Math.min(services.length + SERVICE_VARIANTS.length * fleetCount, Math.round(count * 0.27));
  const serviceCandidates: { s: WorkloadState; hostGlob?: string; name: string }[] = [];
  for (const s of services) {
    const unit = s.w.app.replace(/\.service$/, '').replace(/@.*$/, '');
    serviceCandidates.push({ s, name: `${unit}-${s.w.cluster.name}` });
  }
  for (const [unit, glob, name] of SERVICE_VARIANTS) {
    for (const s of services.filter((x) => x.w.app === unit)) serviceCandidates.push({ s, hostGlob: glob, name: `${name}-${s.w.cluster.name}` });
  }
  const ordered = [...containers].sort((a, b) => priority(a) - priority(b) || a.w.key.localeCompare(b.w.key));
  const containerTarget = Math.max(0, count - serviceTarget);
  let i = 0;
  for (const s of ordered.slice(0, containerTarget)) {
    plans.push({ state: s, status: statusFor(i++, rng), name: unique(containerName(s), s.w.cluster.name) });
  }
  for (const c of serviceCandidates.slice(0, serviceTarget)) {
    plans.push({ state: c.s, status: statusFor(i++, rng), name: unique(c.name, String(i)), ...(c.hostGlob ? { hostGlob: c.hostGlob } : {}) });
  }
  return plans;
}
