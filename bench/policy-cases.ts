/**
 * Benchmarks of the spyctl-compatible functions: createPolicy over N
 * fingerprints of one image, findDeviations of a fleet (each fingerprint
 * checked only against the policies whose scope covers it), and validation of
 * a large policy file.
 */
import type { SpyderbatFingerprint, WorkloadIdentity, WorkloadPolicy } from '../src/engine/index.ts';
import { createPolicy, dumpYaml, findDeviations, generateFingerprints, hasGlob, identityOfFingerprint, scopeOf, validate } from '../src/engine/index.ts';
import { medianMs, now, timed } from './timing.ts';

const NOW = 1_700_000_000;

export function fingerprintsOfOneImage(count: number, seed = 1): SpyderbatFingerprint[] {
  return generateFingerprints({ seed, now: NOW, count, image: 'docker.io/library/nginx:1.25.3', processes: [5, 40], peers: [5, 200] });
}

/** createPolicy time: median of `runs` after `warmup` untimed runs on the same inputs. */
export function createPolicyCase(count: number, runs: number, warmup = 1): { ms: number; fingerprints: number } {
  const fps = fingerprintsOfOneImage(count);
  const ms = medianMs(() => createPolicy(fps, { name: `bench-${count}` }), runs, warmup);
  return { ms, fingerprints: fps.length };
}

export interface Fleet {
  policies: WorkloadPolicy[];
  fingerprints: SpyderbatFingerprint[];
}

/** `nPolicies` images; per image `perImage` fingerprints, the policy made from the first few. */
export function deviationFleet(nPolicies: number, perImage: number, seed = 7): Fleet {
  const policies: WorkloadPolicy[] = [];
  const fingerprints: SpyderbatFingerprint[] = [];
  for (let i = 0; i < nPolicies; i++) {
    const image = `registry.example.com/team-${i % 50}/app-${i}:1.${i % 7}.0`;
    const fps = generateFingerprints({ seed: seed + i, now: NOW, count: perImage, image, processes: [5, 40], peers: [5, 50] });
    policies.push(createPolicy(fps.slice(0, Math.max(1, Math.floor(perImage / 4))), { name: `app-${i}` }).policy);
    fingerprints.push(...fps);
  }
  return { policies, fingerprints };
}

/**
 * Which policies cover each fingerprint: policies whose image selector is exact
 * are indexed by image, the others (globs, no image) are checked with scopeOf.
 */
export function coveringPolicies(policies: readonly WorkloadPolicy[], identities: readonly WorkloadIdentity[]): number[][] {
  const byImage = new Map<string, number[]>();
  const residual: number[] = [];
  policies.forEach((p, i) => {
    const image = p.spec.containerSelector?.image;
    if (image !== undefined && !hasGlob(image)) {
      const list = byImage.get(image) ?? [];
      list.push(i);
      byImage.set(image, list);
    } else residual.push(i);
  });
  const cover: number[][] = policies.map(() => []);
  identities.forEach((id, f) => {
    for (const p of byImage.get(id.container?.image ?? '') ?? []) {
      if (scopeOf(policies[p] as WorkloadPolicy, [id]).length > 0) (cover[p] as number[]).push(f);
    }
  });
  for (const p of residual) cover[p] = scopeOf(policies[p] as WorkloadPolicy, identities);
  return cover;
}

export interface FindDeviationsResult {
  ms: number;
  scopeMs: number;
  checks: number;
  deviating: number;
}

export function findDeviationsCase(fleet: Fleet): FindDeviationsResult {
  const t0 = now();
  const identities = fleet.fingerprints.map(identityOfFingerprint);
  const cover = coveringPolicies(fleet.policies, identities);
  const scopeMs = now() - t0;
  let checks = 0;
  let deviating = 0;
  fleet.policies.forEach((policy, p) => {
    const fps = (cover[p] ?? []).map((f) => fleet.fingerprints[f] as SpyderbatFingerprint);
    checks += fps.length;
    deviating += findDeviations(policy, fps).length;
  });
  return { ms: now() - t0, scopeMs, checks, deviating };
}

/** A policy whose spyctl-style YAML has at least `lines` lines (a deep process tree and many peers). */
export function bigPolicyYaml(lines: number): string {
  const fps = fingerprintsOfOneImage(3, 11);
  const { policy } = createPolicy(fps, { name: 'big-policy' });
  let text = dumpYaml(policy);
  let k = 0;
  // Each added rule prints about 30 lines; add them in batches until the text is long enough.
  for (let missing = lines - text.split('\n').length; missing > 0; missing = lines - text.split('\n').length) {
    for (let n = Math.ceil(missing / 30); n > 0; n--, k++) {
      policy.spec.networkPolicy.egress.push({
        to: Array.from({ length: 12 }, (_, j) => ({ ipBlock: { cidr: `10.${k % 250}.${j}.${(k * 7) % 250}/32` } })),
        ports: [{ protocol: 'TCP', port: 1000 + k }],
        processes: [policy.spec.processPolicy[0]?.id ?? 'nginx_0'],
      });
    }
    text = dumpYaml(policy);
  }
  return text;
}

export function validateCase(lines: number, runs: number): { ms: number; lines: number; errors: number } {
  const text = bigPolicyYaml(lines);
  const { value } = timed(() => validate(text, 'big.yaml'));
  const errors = value.filter((d) => d.severity === 'error').length;
  return { ms: medianMs(() => validate(text, 'big.yaml'), runs, 5), lines: text.split('\n').length - 1, errors };
}
