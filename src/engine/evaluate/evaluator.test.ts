import { describe, expect, it } from 'vitest';
import type { SpyderbatPolicy, WorkloadPolicy } from '../model/types.ts';
import { connectionEvent, processEvent, webPolicy, webWorkload } from '../__fixtures__/evaluate/web-policy.ts';
import { cloneVerdict, EventEvaluator } from './evaluator.ts';
import { evaluateEvents } from './evaluate-events.ts';
import type { EngineEvent, EventConnection, PolicyVerdict } from './types.ts';

function only(policy: SpyderbatPolicy, event: EngineEvent): PolicyVerdict {
  const v = new EventEvaluator([policy]).evaluate(event);
  expect(v.policies).toHaveLength(1);
  return { ...(v.policies[0] as PolicyVerdict) };
}

const egress = (c: Partial<EventConnection>): EventConnection => ({ direction: 'egress', port: 443, protocol: 'TCP', ...c });
const ingress = (c: Partial<EventConnection>): EventConnection => ({ direction: 'ingress', port: 8080, protocol: 'TCP', ...c });

describe('process events', () => {
  it('allows a chain that follows the tree, reporting the node path', () => {
    const v = only(webPolicy(), processEvent(['sh', 'python', 'curl']));
    expect(v).toMatchObject({ allowed: true, deviation: null, processPath: ['sh_0', 'python_0', 'curl_0'], actions: [] });
    expect(only(webPolicy(), processEvent(['sh'])).processPath).toEqual(['sh_0']);
  });

  it('reports a deviation at depth with the longest matched prefix', () => {
    const nc = { name: 'nc', exe: '/bin/nc', euser: 'root' };
    const v = only(webPolicy(), processEvent(['sh', 'python', nc]));
    expect(v).toMatchObject({ allowed: false, deviation: 'process', deviationDepth: 2, processPath: ['sh_0', 'python_0'] });
    const root = only(webPolicy(), processEvent([nc]));
    expect(root).toMatchObject({ allowed: false, deviationDepth: 0, processPath: null });
  });

  it('needs the chain to start at a root', () => {
    expect(only(webPolicy(), processEvent(['python'])).allowed).toBe(false);
  });

  it('matches exe by fnmatch against any listed exe', () => {
    const py311 = { name: 'python', exe: '/usr/local/bin/python3.11', euser: 'root' };
    expect(only(webPolicy(), processEvent(['sh', py311])).processPath).toEqual(['sh_0', 'python_0']);
    const bash = { name: 'sh', exe: '/bin/bash', euser: 'root' };
    expect(only(webPolicy(), processEvent([bash])).allowed).toBe(false);
  });

  it('inherits euser from the parent when a node has none', () => {
    const pyRoot = { name: 'python', exe: '/usr/local/bin/python3.7', euser: 'root' };
    const pyApp = { name: 'python', exe: '/usr/local/bin/python3.7', euser: 'app' };
    expect(only(webPolicy(), processEvent(['sh', pyRoot])).allowed).toBe(true);
    const v = only(webPolicy(), processEvent(['sh', pyApp]));
    expect(v).toMatchObject({ allowed: false, deviationDepth: 1 });
  });

  it('matches euser by fnmatch against the node list', () => {
    const curl = (euser: string): { name: string; exe: string; euser: string } => ({ name: 'curl', exe: '/usr/bin/curl', euser });
    expect(only(webPolicy(), processEvent(['sh', 'python', curl('app1')])).allowed).toBe(true);
    expect(only(webPolicy(), processEvent(['sh', 'python', curl('root')])).allowed).toBe(false);
  });

  it('matches glob node names and backtracks to a sibling that fits', () => {
    const py = { name: 'pyserver', exe: '/usr/local/bin/python3.7', euser: 'root' };
    expect(only(webPolicy(), processEvent(['sh', py])).processPath).toEqual(['sh_0', 'py_1']);
    // `python` with exe 3.7 fits python_0 first; with a curl child only python_0 works.
    expect(only(webPolicy(), processEvent(['sh', 'python', 'curl'])).processPath).toEqual(['sh_0', 'python_0', 'curl_0']);
  });

  it('disableProcesses: all lets every process through, marked skipped', () => {
    const nc = { name: 'nc', exe: '/bin/nc', euser: 'root' };
    const v = only(webPolicy({ disableProcesses: 'all' }), processEvent([nc]));
    expect(v).toMatchObject({ allowed: true, skipped: 'processes-disabled' });
  });
});

describe('connection events', () => {
  it('ingress allowed by a CIDR, honouring except', () => {
    const v = only(webPolicy(), connectionEvent(ingress({ ip: '192.168.1.5' })));
    expect(v).toMatchObject({ allowed: true, networkRule: { direction: 'ingress', ruleIndex: 0, peerIndex: 0 } });
    expect(only(webPolicy(), connectionEvent(ingress({ ip: '192.168.13.5' })))).toMatchObject({ allowed: false, deviation: 'connection' });
    expect(only(webPolicy(), connectionEvent(ingress({ ip: '172.16.0.1' }))).allowed).toBe(false);
  });

  it('egress allowed by an exact or glob DNS name', () => {
    const exact = only(webPolicy(), connectionEvent(egress({ dns: 'mongodb.my_app.svc.cluster.local', port: 27017 })));
    expect(exact.networkRule).toEqual({ direction: 'egress', ruleIndex: 0, peerIndex: 0 });
    const glob = only(webPolicy(), connectionEvent(egress({ dns: 'api.eu.example.com', port: 27017 })));
    expect(glob.networkRule).toEqual({ direction: 'egress', ruleIndex: 0, peerIndex: 1 });
    expect(only(webPolicy(), connectionEvent(egress({ dns: 'example.com', port: 27017 }))).allowed).toBe(false);
  });

  it('needs the port inside a range of the same protocol', () => {
    const v6 = (ip: string, port: number): EventConnection => egress({ ip, port });
    expect(only(webPolicy(), connectionEvent(v6('fd00:2::1', 9000))).networkRule?.ruleIndex).toBe(3);
    expect(only(webPolicy(), connectionEvent(v6('fd00:2::1', 9100))).allowed).toBe(true);
    expect(only(webPolicy(), connectionEvent(v6('fd00:2::1', 9101))).allowed).toBe(false);
    expect(only(webPolicy(), connectionEvent(v6('fd00:2::1', 8999))).allowed).toBe(false);
    expect(only(webPolicy(), connectionEvent(v6('fd00:1::1', 9050))).allowed).toBe(false); // except
    expect(only(webPolicy(), connectionEvent(egress({ ip: 'fd00:2::1', port: 9050, protocol: 'UDP' }))).allowed).toBe(false);
  });

  it('distinguishes UDP from TCP', () => {
    expect(only(webPolicy(), connectionEvent(egress({ ip: '10.1.2.3', port: 53, protocol: 'UDP' }))).allowed).toBe(true);
    expect(only(webPolicy(), connectionEvent(egress({ ip: '10.1.2.3', port: 53, protocol: 'TCP' }))).allowed).toBe(false);
    expect(only(webPolicy(), connectionEvent(egress({ ip: '8.8.8.8', port: 443, protocol: 'UDP' }))).allowed).toBe(false);
  });

  it('honours except on the 0.0.0.0/0 egress rule', () => {
    expect(only(webPolicy(), connectionEvent(egress({ ip: '8.8.8.8' }))).networkRule?.ruleIndex).toBe(1);
    expect(only(webPolicy(), connectionEvent(egress({ ip: '10.9.9.9' }))).allowed).toBe(false);
  });

  it('restricts rules with `processes` to the listed nodes', () => {
    const mongo = egress({ dns: 'mongodb.my_app.svc.cluster.local', port: 27017 });
    expect(only(webPolicy(), connectionEvent(mongo, ['sh', 'python'])).allowed).toBe(true);
    expect(only(webPolicy(), connectionEvent(mongo, ['sh'])).allowed).toBe(false);
    expect(only(webPolicy(), connectionEvent(mongo, ['sh', 'python', 'curl'])).allowed).toBe(false);
    const stranger = { name: 'nc', exe: '/bin/nc', euser: 'root' };
    expect(only(webPolicy(), connectionEvent(mongo, [stranger])).allowed).toBe(false);
    // A rule without `processes` allows any process, even one outside the tree.
    expect(only(webPolicy(), connectionEvent(egress({ ip: '1.1.1.1' }), [stranger])).allowed).toBe(true);
  });

  it('tries every node the leaf fits for `processes` (python fits python_0 and py_1)', () => {
    const v = only(webPolicy(), connectionEvent(egress({ ip: '203.0.113.9', port: 8443 }), ['sh', 'python']));
    expect(v).toMatchObject({ allowed: true, processPath: ['sh_0', 'py_1'], networkRule: { ruleIndex: 4 } });
  });

  it('disableConnections by direction', () => {
    const p = webPolicy({ disableConnections: 'egress' });
    expect(only(p, connectionEvent(egress({ ip: '10.9.9.9', port: 1 })))).toMatchObject({ allowed: true, skipped: 'connections-disabled' });
    expect(only(p, connectionEvent(ingress({ ip: '8.8.8.8' }))).allowed).toBe(false);
    expect(only(webPolicy({ disableConnections: 'all' }), connectionEvent(ingress({ ip: '8.8.8.8' }))).allowed).toBe(true);
  });

  it('disablePrivateConnections: private IPs and .local names', () => {
    const p = webPolicy({ disablePrivateConnections: 'all' });
    expect(only(p, connectionEvent(egress({ ip: '10.9.9.9', port: 1 })))).toMatchObject({ allowed: true, skipped: 'private-connections-disabled' });
    expect(only(p, connectionEvent(egress({ dns: 'printer.local', port: 631 }))).allowed).toBe(true);
    expect(only(p, connectionEvent(egress({ ip: '8.8.8.8', port: 1 }))).allowed).toBe(false);
    const ingressOnly = webPolicy({ disablePrivateConnections: 'ingress' });
    expect(only(ingressOnly, connectionEvent(egress({ ip: '10.9.9.9', port: 1 }))).allowed).toBe(false);
  });

  it('disablePublicConnections: public peers only', () => {
    const p = webPolicy({ disablePublicConnections: 'egress' });
    expect(only(p, connectionEvent(egress({ ip: '8.8.4.4', port: 1 })))).toMatchObject({ allowed: true, skipped: 'public-connections-disabled' });
    expect(only(p, connectionEvent(egress({ dns: 'evil.example.org', port: 1 }))).allowed).toBe(true);
    expect(only(p, connectionEvent(egress({ ip: '192.168.1.1', port: 1 }))).allowed).toBe(false);
  });
});

describe('coverage and response actions', () => {
  const nc = { name: 'nc', exe: '/bin/nc', euser: 'root' };

  it('skips disabled policies and other workload types', () => {
    const ev = new EventEvaluator([webPolicy({ enabled: false })]);
    expect(ev.evaluate(processEvent([nc]))).toMatchObject({ covered: false, deviation: false, policies: [] });
    const svc: WorkloadPolicy = { ...webPolicy(), metadata: { name: 'svc', type: 'linux-service' } };
    expect(new EventEvaluator([svc]).evaluate(processEvent(['sh'])).covered).toBe(false);
  });

  it('lists every covering policy in policy order', () => {
    const narrow = webPolicy({ containerSelector: { image: 'python_webserver:1.2' }, processPolicy: [] }, 'narrow');
    const other = webPolicy({ containerSelector: { image: 'redis:*' } }, 'other');
    const v = new EventEvaluator([webPolicy(), other, narrow]).evaluate(processEvent(['sh']));
    expect(v.policies.map((p) => [p.policyIndex, p.name, p.allowed])).toEqual([
      [0, 'webserver_policy', true],
      [2, 'narrow', false],
    ]);
    expect(v).toMatchObject({ covered: true, deviation: true });
  });

  it('fires the default actions when no scoped action matches; audit ⇒ wouldHave', () => {
    const v = only(webPolicy(), processEvent([nc]));
    expect(v.actions.map((a) => [a.action, a.source, a.index, a.wouldHave])).toEqual([['makeRedFlag', 'default', 0, true]]);
  });

  it('fires scoped actions whose selectors match instead of the defaults; enforce ⇒ taken', () => {
    const dev = { ...webWorkload, podLabels: { app: 'web', env: 'dev' } };
    const v = only(webPolicy({ mode: 'enforce' }), processEvent([nc], dev));
    expect(v.actions.map((a) => [a.action, a.source, a.index, a.wouldHave])).toEqual([['agentKillProcess', 'actions', 0, false]]);
  });

  it('defaultActions: always adds the defaults after the scoped actions', () => {
    const dev = { ...webWorkload, podLabels: { app: 'web', env: 'dev' } };
    const v = new EventEvaluator([webPolicy()], { defaultActions: 'always' }).evaluate(processEvent([nc], dev));
    expect(v.policies[0]?.actions.map((a) => `${a.source}:${a.action}`)).toEqual(['actions:agentKillProcess', 'default:makeRedFlag']);
  });

  it('matches processSelector against the deviating process', () => {
    const curlRoot = { name: 'curl', exe: '/usr/bin/curl', euser: 'root' };
    const v = only(webPolicy(), processEvent(['sh', 'python', curlRoot]));
    expect(v.actions.map((a) => a.action)).toEqual(['makeOpsFlag']);
  });

  it('never fires disabled kill actions or unscoped entries under `actions`', () => {
    const p = webPolicy({
      response: {
        default: [{ makeRedFlag: { severity: 'info' } }],
        actions: [{ agentKillPod: { enabled: false, podSelector: { matchLabels: { env: 'prod' } } } }, { makeOpsFlag: { severity: 'low' } }],
      },
    });
    expect(only(p, processEvent([nc])).actions.map((a) => a.action)).toEqual(['makeRedFlag']);
  });

  it('fires nothing for allowed events', () => {
    expect(only(webPolicy(), processEvent(['sh'])).actions).toEqual([]);
  });
});

describe('counters, summary and batch evaluation', () => {
  it('counts node and rule matches, and lists dead ones', () => {
    const ev = new EventEvaluator([webPolicy()]);
    ev.evaluate(processEvent(['sh', 'python']));
    ev.evaluate(processEvent(['sh', 'python']));
    ev.evaluate(connectionEvent(egress({ ip: '8.8.8.8' })));
    ev.evaluate(connectionEvent(egress({ ip: '8.8.8.8', port: 1 })));
    const s = ev.summary();
    expect(s).toMatchObject({ events: 4, processEvents: 2, connectionEvents: 2, uncovered: 0, allowed: 3, deviations: 1 });
    const p = s.policies[0];
    expect(p?.processNodes).toEqual([
      { id: 'sh_0', count: 2 },
      { id: 'python_0', count: 2 },
      { id: 'curl_0', count: 0 },
      { id: 'py_1', count: 0 },
    ]);
    expect(p?.deadProcessNodes).toEqual(['curl_0', 'py_1']);
    expect(p?.egress[1]).toEqual({ index: 1, count: 1 });
    expect(p?.deadEgressRules).toEqual([0, 2, 3, 4]);
    expect(p?.deadIngressRules).toEqual([0]);
    expect(p).toMatchObject({ events: 4, deviations: 1, connectionDeviations: 1, processDeviations: 0 });
  });

  it('reuses the verdict object; cloneVerdict keeps one', () => {
    const ev = new EventEvaluator([webPolicy()]);
    const first = ev.evaluate(processEvent([{ name: 'nc', exe: '/bin/nc', euser: 'root' }]));
    const kept = cloneVerdict(first);
    const second = ev.evaluate(processEvent(['sh']));
    expect(second).toBe(first);
    expect(kept.deviation).toBe(true);
    expect(kept.policies[0]?.allowed).toBe(false);
    expect(second.policies[0]?.allowed).toBe(true);
  });

  it('evaluateEvents keeps deviating verdicts (capped) and optionally all', () => {
    const nc = { name: 'nc', exe: '/bin/nc', euser: 'root' };
    const events = [processEvent(['sh']), processEvent([nc]), processEvent([nc]), processEvent(['sh'], { type: 'container' })];
    const r = evaluateEvents([webPolicy()], events, { maxDeviations: 1, keepVerdicts: true });
    expect(r.summary).toMatchObject({ events: 4, uncovered: 1, allowed: 1, deviations: 2 });
    expect(r.deviations).toHaveLength(1);
    expect(r.deviations[0]?.event).toBe(events[1]);
    expect(r.verdicts?.map((v) => v.deviation)).toEqual([false, true, true, false]);
    expect(evaluateEvents([webPolicy()], events).verdicts).toBeUndefined();
  });

  it('does not evaluate cluster policies', () => {
    const cluster: SpyderbatPolicy = {
      apiVersion: 'spyderbat/v1',
      kind: 'SpyderbatPolicy',
      metadata: { name: 'c', type: 'cluster' },
      spec: { clusterSelector: { matchFields: { name: 'demo' } }, mode: 'audit', rulesets: [], response: { default: [], actions: [] } },
    };
    const ev = new EventEvaluator([cluster, webPolicy()]);
    expect(ev.evaluate(processEvent(['sh'])).policies.map((p) => p.policyIndex)).toEqual([1]);
    expect(ev.summary().policies.map((p) => p.policyIndex)).toEqual([1]);
  });
});
