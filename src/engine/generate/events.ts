/**
 * Deviation events, red flags and audit entries over the last 30 days: regular
 * deviations follow a daily/weekly rhythm by kind (people at work, nightly jobs,
 * deploys, background traffic); incidents add bursts.
 */
import type { Severity } from '../model/types.ts';
import type { Rng } from './prng.ts';
import { TimeSampler, type Pattern } from './rhythm.ts';
import type { AuditEvent, DeviationDef, DeviationEvent, RedFlagEvent } from './types.ts';

export interface IncidentSpec {
  name: string;
  defs: number[];
  /** Epoch seconds the burst starts. */
  start: number;
  hours: number;
  /** Share of all deviation events. */
  share: number;
  flags: { shortName: string; severity: Severity }[];
}

const HUMAN = /^(bash|sh|curl|wget|jcmd|sftp-server|sudo|nc)$/;
const PERIODIC = /^(cron|pg_dump|conntrack|logrotate|run-parts)$/;

export function patternOf(def: DeviationDef): Pattern {
  const spec = def.deviation.spec;
  if (spec.rules) return 'deploy';
  const entry = spec.processPolicy?.[0];
  if (entry) {
    const node = 'policyNode' in entry ? entry.policyNode.children[0] : entry;
    const name = node?.name ?? '';
    if (PERIODIC.test(name) || def.subject.startsWith('cron')) return 'periodic';
    if (HUMAN.test(name)) return 'human';
    return 'deploy';
  }
  return def.subject.includes('ssh') ? 'human' : 'constant';
}

/** Splits `total` over weights by largest remainder (deterministic). */
export function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (w / sum) * total);
  const out = exact.map(Math.floor);
  let rest = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (rest <= 0) break;
    out[i] = (out[i] ?? 0) + 1;
    rest--;
  }
  return out;
}

export function generateDeviationEvents(defs: readonly DeviationDef[], incidents: readonly IncidentSpec[], total: number, now: number, rng: Rng): DeviationEvent[] {
  if (defs.length === 0 || total <= 0) return [];
  const sampler = new TimeSampler(now);
  const incidentTotal = Math.round(total * incidents.reduce((a, i) => a + i.share, 0));
  const regular = allocate(total - incidentTotal, defs.map(() => 0.3 + rng.float() ** 3 * 12));
  const events: DeviationEvent[] = [];
  defs.forEach((def, i) => {
    const pattern = patternOf(def);
    const hour = 1 + (i % 5);
    for (let k = 0; k < (regular[i] ?? 0); k++) events.push({ time: sampler.sample(pattern, rng, hour), def: i });
  });
  const perIncident = allocate(incidentTotal, incidents.map((x) => x.share));
  incidents.forEach((inc, j) => {
    const n = perIncident[j] ?? 0;
    for (let k = 0; k < n && inc.defs.length > 0; k++) events.push({ time: sampler.sampleBurst(inc.start, inc.hours, rng), def: inc.defs[k % inc.defs.length] ?? 0 });
  });
  events.sort((a, b) => a.time - b.time || a.def - b.def);
  return events;
}

/** The id of the i-th deviation event (derived, so a million events store no strings). */
export function deviationEventId(def: DeviationDef, ev: DeviationEvent, index: number): string {
  return `audit:guardian_deviation:${def.policyUid.replace(/^pol:/, '')}:${Math.floor(ev.time)}:${def.checksum.slice(0, 8)}:${index.toString(36)}`;
}

const SCOUT: readonly { shortName: string; severity: Severity; cls: string; pattern: Pattern }[] = [
  { shortName: 'Suspicious interactive shell', severity: 'medium', cls: 'proc', pattern: 'human' },
  { shortName: 'Sensitive file read: /etc/shadow', severity: 'high', cls: 'proc', pattern: 'human' },
  { shortName: 'Connection to a rarely seen domain', severity: 'low', cls: 'conn', pattern: 'constant' },
  { shortName: 'Privilege escalation via sudo', severity: 'medium', cls: 'proc', pattern: 'human' },
  { shortName: 'Pod accessed the Kubernetes API', severity: 'low', cls: 'conn', pattern: 'deploy' },
  { shortName: 'Executable written to /tmp', severity: 'high', cls: 'proc', pattern: 'deploy' },
  { shortName: 'Package manager run in a container', severity: 'info', cls: 'proc', pattern: 'deploy' },
];

export interface RedFlagInput {
  defs: readonly DeviationDef[];
  events: readonly DeviationEvent[];
  /** policy uid → true when it is enforcing with a makeRedFlag response. */
  flagging: ReadonlySet<string>;
  incidents: readonly IncidentSpec[];
  /** Where scout flags can point (cluster, namespace, muid). */
  places: readonly { clusterUid: string; clusterName: string; namespace?: string; muid?: string }[];
  scoutCount: number;
  now: number;
}

export function generateRedFlags(input: RedFlagInput, rng: Rng): RedFlagEvent[] {
  const out: RedFlagEvent[] = [];
  let n = 0;
  const id = (): string => `flag:${(n++).toString(36).padStart(7, '0')}`;
  for (const ev of input.events) {
    const def = input.defs[ev.def];
    if (!def || !input.flagging.has(def.policyUid)) continue;
    out.push({
      id: id(),
      time: ev.time + 1,
      shortName: def.type === 'cluster' ? 'Container image not allowed by cluster policy' : 'Guardian policy deviation',
      severity: def.severity,
      description: def.description,
      flagClass: ['redflag', def.deviation.spec.networkPolicy ? 'conn' : def.type === 'cluster' ? 'cont' : 'proc', 'guardian_deviation'],
      clusterUid: def.clusterUid,
      clusterName: def.clusterName,
      ...(def.namespace ? { namespace: def.namespace } : {}),
      ...(def.muid ? { muid: def.muid } : {}),
      ref: def.subject,
      policyUid: def.policyUid,
      policyName: def.policyName,
      deviationChecksum: def.checksum,
    });
  }
  const sampler = new TimeSampler(input.now);
  for (let k = 0; k < input.scoutCount && input.places.length > 0; k++) {
    const s = rng.pick(SCOUT);
    const place = rng.pick(input.places);
    out.push({
      id: id(),
      time: sampler.sample(s.pattern, rng),
      shortName: s.shortName,
      severity: s.severity,
      description: `${s.shortName} in ${place.namespace ? `namespace "${place.namespace}" of ` : ''}cluster "${place.clusterName}".`,
      flagClass: ['redflag', s.cls],
      clusterUid: place.clusterUid,
      clusterName: place.clusterName,
      ...(place.namespace ? { namespace: place.namespace } : {}),
      ...(place.muid ? { muid: place.muid } : {}),
      ref: `${s.cls}:${rng.base62(11)}`,
    });
  }
  for (const inc of input.incidents) {
    const def = input.defs[inc.defs[0] ?? -1];
    if (!def) continue;
    for (const f of inc.flags) {
      const count = rng.int(3, 9);
      for (let k = 0; k < count; k++) {
        out.push({
          id: id(),
          time: sampler.sampleBurst(inc.start, inc.hours, rng),
          shortName: f.shortName,
          severity: f.severity,
          description: `${f.shortName}: ${def.description}`,
          flagClass: ['redflag', 'proc', 'incident'],
          clusterUid: def.clusterUid,
          clusterName: def.clusterName,
          ...(def.namespace ? { namespace: def.namespace } : {}),
          ...(def.muid ? { muid: def.muid } : {}),
          ref: def.subject,
          policyUid: def.policyUid,
          policyName: def.policyName,
        });
      }
    }
  }
  out.sort((a, b) => a.time - b.time || a.id.localeCompare(b.id));
  return out;
}

/** The audit-log entries a deviation event produces (`spyctl logs policy` lines). */
export function deviationAuditEntries(def: DeviationDef, ev: DeviationEvent, eventId: string, mode: 'audit' | 'enforce'): AuditEvent[] {
  const base = { time: ev.time, policyUid: def.policyUid, policyName: def.policyName };
  const action =
    mode === 'audit'
      ? `(audit mode): Would have initiated "makeRedFlag" action for "${def.subject}". Not initiated due to "audit" mode.`
      : `(enforce mode): Initiated "makeRedFlag" action for "${def.subject}".`;
  return [
    { ...base, id: `${eventId}:dev`, kind: 'guardian_deviation', description: `(${mode} mode): ${def.description}` },
    { ...base, id: `${eventId}:act`, kind: 'guardian_action', description: action },
  ];
}
