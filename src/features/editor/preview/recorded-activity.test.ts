import { describe, expect, it } from 'vitest';
import { previewPolicy } from '../../../engine/preview/preview.ts';
import type { SpyderbatPolicy } from '../../../engine/model/types.ts';
import { policyChains, recordedActivity, recordedActivitySteps, recordEvents, runSliced, SKIP_REASONS } from './recorded-activity.ts';
import { deviatingFingerprint, nginxPolicy, nginxYaml, quietFingerprint, shRecord } from './test-fixtures.ts';

const applied: SpyderbatPolicy = nginxPolicy({ uid: 'pol:nginx' });
const fingerprints = [deviatingFingerprint('web-1', 'mach-1'), quietFingerprint('web-2', 'mach-2')];
const LABEL = 'web-1 · docker.io/library/nginx:latest · prod/shop';

describe('recordEvents', () => {
  it('rebuilds the process chain above a policyNode from the recording policy, and the connection', () => {
    const w = { type: 'container' as const };
    const events = recordEvents(shRecord(), w, policyChains(applied));
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ kind: 'process', time: 1_700_000_100 });
    expect(events[0]?.process.chain).toEqual([
      { name: 'nginx', exe: '/usr/sbin/nginx', euser: 'root' },
      { name: 'nginx', exe: '/usr/sbin/nginx', euser: 'www-data' },
      { name: 'sh', exe: '/bin/sh', euser: 'www-data' },
    ]);
    expect(events[1]).toMatchObject({ kind: 'connection', connection: { direction: 'egress', ip: '203.0.113.5', port: 8080, protocol: 'TCP' } });
    expect(events[1]?.process.chain.map((p) => p.name)).toEqual(['nginx', 'nginx', 'sh']);
  });

  it('gives nothing for a policyNode the policy does not have', () => {
    expect(recordEvents(shRecord(), { type: 'container' }, new Map())).toEqual([]);
  });
});

describe('recordedActivity', () => {
  it('places records on a fingerprint of the same machine in the policy scope, one event set per occurrence', () => {
    const records = [shRecord('pol:nginx', 100, 'a'), shRecord('pol:nginx', 200, 'b')];
    const a = recordedActivity({ records, fingerprints, policies: [applied] });
    expect(a.records).toBe(2);
    expect(a.replayed).toBe(2);
    expect(a.events.map((e) => e.time)).toEqual([100, 100, 200, 200]);
    expect(a.events[0]?.workload.container?.containerName).toBe('web-1');
    // One record per checksum behind the workload label the engine groups events by.
    expect([...a.byWorkload.keys()]).toEqual([LABEL]);
    expect(a.byWorkload.get(LABEL)?.map((r) => r.id)).toEqual(['a']);
  });

  it('counts what it cannot replay, by reason', () => {
    const clusterRec = { ...shRecord(), id: 'c', deviation: { ...shRecord().deviation, metadata: { type: 'cluster' as const } } };
    const records = [shRecord('pol:gone'), { ...shRecord(), muid: 'elsewhere' }, clusterRec];
    const a = recordedActivity({ records, fingerprints, policies: [applied] });
    expect(a.replayed).toBe(0);
    expect(a.events).toEqual([]);
    expect(a.skipped).toEqual(
      expect.arrayContaining([
        { reason: SKIP_REASONS.noPolicy, count: 1 },
        { reason: SKIP_REASONS.noWorkload, count: 1 },
        { reason: SKIP_REASONS.cluster, count: 1 },
      ]),
    );
  });

  it('the engine replays the events through a draft: deviating under the applied policy, allowed once the draft has sh', () => {
    const { events } = recordedActivity({ records: [shRecord()], fingerprints, policies: [applied] });
    const before = previewPolicy(nginxYaml(), { fingerprints, events });
    const g = before.deviations?.groups.find((x) => x.source === 'events');
    expect(g?.workload.label).toBe(LABEL);
    expect(g?.kinds.map((k) => [k.kind, k.count])).toEqual([
      ['process', 1],
      ['egress', 1],
    ]);
    const withSh = nginxYaml().replace('      - www-data\n', '      - www-data\n      children:\n      - name: sh\n        exe:\n        - /bin/sh\n        id: sh_0\n');
    const after = previewPolicy(withSh, { fingerprints, events });
    const g2 = after.deviations?.groups.find((x) => x.source === 'events');
    expect(g2?.kinds.map((k) => k.kind)).toEqual(['egress']);
  });

  it('steps yield between chunks and the sliced runner gives the same result', async () => {
    const records = Array.from({ length: 25 }, (_, i) => shRecord('pol:nginx', i, `r${i}`));
    const steps = recordedActivitySteps({ records, fingerprints, policies: [applied] }, 10);
    const yields: number[] = [];
    let r = steps.next();
    while (r.done !== true) {
      yields.push(r.value);
      r = steps.next();
    }
    expect(yields).toEqual([10, 20, 25]);
    const sliced = await runSliced(recordedActivitySteps({ records, fingerprints, policies: [applied] }, 10), 0);
    expect(sliced.events).toEqual(r.value.events);
  });

  it('the sliced runner stops when aborted', async () => {
    const ctrl = new AbortController();
    ctrl.abort();
    await expect(runSliced(recordedActivitySteps({ records: [shRecord()], fingerprints, policies: [applied] }), 8, ctrl.signal)).rejects.toThrow('aborted');
  });
});
