/**
 * The engine, as the mock backend uses it: validation of stored objects (located
 * errors in the YAML form of the object) and deviations computed from fingerprints.
 */
import { hashString } from '../../engine/generate/index.ts';
import { API_VERSION, type EgressRule, type GuardianDeviation, type IngressRule, type Peer, type SpyderbatFingerprint, type WorkloadPolicy } from '../../engine/model/types.ts';
import { findDeviations } from '../../engine/spyderbat/index.ts';
import { validate } from '../../engine/validate/index.ts';
import { toYaml } from '../../engine/yaml/index.ts';
import { text } from '../../api/mappers.ts';
import type { WireValidationBody } from '../../api/wire.ts';

/** Validates an object the way `spyctl validate` would on its YAML; null when valid. */
export function validateDocument(obj: unknown, kind: 'SpyderbatPolicy' | 'SpyderbatRuleset'): WireValidationBody | null {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
    return { msg: `Invalid ${kind}: expected an object`, errors: [{ path: '', message: 'expected an object' }] };
  }
  const k = (obj as Record<string, unknown>).kind;
  if (k !== kind) return { msg: `Invalid ${kind}: kind must be ${kind}`, errors: [{ path: 'kind', message: `expected ${kind}, got ${JSON.stringify(k ?? null)}` }] };
  const text = toYaml(obj);
  const errors = validate(text, 'request.yaml')
    .filter((d) => d.severity === 'error')
    .map((d) => ({ path: d.path, message: d.message, line: d.line, column: d.column, severity: d.severity }));
  if (errors.length === 0) return null;
  const first = errors[0];
  return { msg: `Invalid ${kind}: ${errors.length} error${errors.length === 1 ? '' : 's'}${first ? ` (first: ${first.path ? `${first.path}: ` : ''}${first.message})` : ''}`, errors };
}

/** A 32-hex-digit checksum of any JSON value. */
export function checksumOf(value: unknown): string {
  const s = JSON.stringify(value);
  let out = '';
  for (let i = 0; i < 4; i++) out += hashString(`${i}:${s}`).toString(16).padStart(8, '0');
  return out;
}

function peerOf(peer: string): Peer {
  const v4 = /^\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?$/.test(peer);
  const v6 = !v4 && peer.includes(':') && /^[0-9a-f:.]+(\/\d{1,3})?$/i.test(peer);
  if (!v4 && !v6) return { dnsSelector: [peer] };
  return { ipBlock: { cidr: peer.includes('/') ? peer : `${peer}/${v4 ? 32 : 128}` } };
}

export interface ComputedDeviation {
  fingerprint: SpyderbatFingerprint;
  deviation: GuardianDeviation;
  description: string;
}

/**
 * Deviations of a workload policy against fingerprints, one GuardianDeviation per new
 * process subtree or network atom (the checksum identifies it across fingerprints).
 */
export function computeDeviations(policy: WorkloadPolicy, fingerprints: readonly SpyderbatFingerprint[]): ComputedDeviation[] {
  const out: ComputedDeviation[] = [];
  for (const fd of findDeviations(policy, fingerprints)) {
    const fp = fingerprints[fd.fingerprintIndex];
    if (!fp) continue;
    for (const item of fd.items) {
      let spec: GuardianDeviation['spec'];
      let what: string;
      if (item.kind === 'process') {
        spec = { processPolicy: [item.parentId !== undefined ? { policyNode: { id: item.parentId, children: [item.node] } } : item.node] };
        what = `Process "${item.node.name}" (${item.node.exe.join(', ')}) at ${item.path.join(' > ')}`;
      } else {
        const ports = [{ port: item.port, protocol: item.protocol, ...(item.endPort !== undefined ? { endPort: item.endPort } : {}) }];
        const processes = item.process !== undefined ? { processes: [item.process] } : {};
        const rule: IngressRule | EgressRule = item.kind === 'ingress' ? { from: [peerOf(item.peer)], ports, ...processes } : { to: [peerOf(item.peer)], ports, ...processes };
        spec = {
          ...(item.process !== undefined ? { processPolicy: [{ policyNode: { id: item.process, children: [] } }] } : {}),
          networkPolicy: item.kind === 'ingress' ? { ingress: [rule as IngressRule] } : { egress: [rule as EgressRule] },
        };
        what = `${item.kind === 'ingress' ? 'Ingress connection from' : 'Egress connection to'} ${item.peer} on ${item.port}/${item.protocol}${item.process ? ` by process "${item.process}"` : ''}`;
      }
      const checksum = checksumOf([policy.metadata.uid, spec]);
      const m = fp.metadata;
      const where =
        m.type === 'container'
          ? `container image "${text(m.image ?? fp.spec.containerSelector?.image)}" ns:"${text(m.namespace)}" cluster:"${text(m.cluster_name)}"`
          : `service "${m.name}" host:"${text(m.hostname)}"`;
      out.push({
        fingerprint: fp,
        deviation: { apiVersion: API_VERSION, kind: 'GuardianDeviation', metadata: { type: policy.metadata.type, policy_uid: policy.metadata.uid ?? '', checksum }, spec },
        description: `${what} in ${where} deviated from policy "${policy.metadata.name}".`,
      });
    }
  }
  return out;
}
