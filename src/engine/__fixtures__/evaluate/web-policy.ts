/**
 * A hand-written container policy (shaped like seed 001's webserver policy)
 * and helpers to build events against it, for the evaluation tests.
 */
import type { WorkloadIdentity, WorkloadPolicy } from '../../model/types.ts';
import type { EngineEvent, EventConnection } from '../../evaluate/types.ts';

export function webPolicy(overrides: Partial<WorkloadPolicy['spec']> = {}, name = 'webserver_policy'): WorkloadPolicy {
  return {
    apiVersion: 'spyderbat/v1',
    kind: 'SpyderbatPolicy',
    metadata: { name, type: 'container', uid: `pol:${name}` },
    spec: {
      containerSelector: { image: 'python_webserver:*' },
      mode: 'audit',
      processPolicy: [
        {
          name: 'sh',
          exe: ['/bin/dash', '/bin/sh'],
          id: 'sh_0',
          euser: ['root'],
          children: [
            {
              name: 'python',
              exe: ['/usr/local/bin/python3.*'],
              id: 'python_0',
              children: [{ name: 'curl', exe: ['/usr/bin/curl'], id: 'curl_0', euser: ['www-data', 'app?'] }],
            },
            { name: 'py*', exe: ['/usr/local/bin/python3.7'], id: 'py_1' },
          ],
        },
      ],
      networkPolicy: {
        ingress: [
          {
            from: [{ ipBlock: { cidr: '192.168.0.0/16', except: ['192.168.13.0/24'] } }],
            processes: ['python_0'],
            ports: [{ protocol: 'TCP', port: 8080 }],
          },
        ],
        egress: [
          {
            to: [{ dnsSelector: ['mongodb.my_app.svc.cluster.local'] }, { dnsSelector: ['*.example.com'] }],
            processes: ['python_0'],
            ports: [{ protocol: 'TCP', port: 27017 }],
          },
          { to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] } }], ports: [{ protocol: 'TCP', port: 443 }] },
          { to: [{ ipBlock: { cidr: '10.0.0.0/8' } }], ports: [{ protocol: 'UDP', port: 53 }] },
          {
            to: [{ ipBlock: { cidr: 'fd00::/8', except: ['fd00:1::/32'] } }],
            ports: [{ protocol: 'TCP', port: 9000, endPort: 9100 }],
          },
          { to: [{ ipBlock: { cidr: '203.0.113.0/24' } }], processes: ['py_1'], ports: [{ protocol: 'TCP', port: 8443 }] },
        ],
      },
      response: {
        default: [{ makeRedFlag: { severity: 'high' } }],
        actions: [
          { agentKillProcess: { podSelector: { matchLabels: { env: 'dev' } } } },
          { makeOpsFlag: { severity: 'low', processSelector: { name: ['curl'] } } },
        ],
      },
      ...overrides,
    },
  };
}

export const webWorkload: WorkloadIdentity = {
  type: 'container',
  cluster: { name: 'demo' },
  namespaceLabels: { 'kubernetes.io/metadata.name': 'web' },
  podLabels: { app: 'web', env: 'prod' },
  container: { image: 'python_webserver:1.2', containerName: 'web-1' },
};

const PROCS: Record<string, { name: string; exe: string; euser: string }> = {
  sh: { name: 'sh', exe: '/bin/dash', euser: 'root' },
  python: { name: 'python', exe: '/usr/local/bin/python3.7', euser: 'root' },
  curl: { name: 'curl', exe: '/usr/bin/curl', euser: 'www-data' },
};

/** A chain from short names (sh, python, curl) or explicit processes. */
export function chain(...items: (string | { name: string; exe: string; euser: string })[]): EngineEvent['process'] {
  return {
    chain: items.map((i) => {
      if (typeof i !== 'string') return i;
      const p = PROCS[i];
      if (p === undefined) throw new Error(`unknown process ${i}`);
      return p;
    }),
  };
}

export function processEvent(
  items: (string | { name: string; exe: string; euser: string })[],
  workload: WorkloadIdentity = webWorkload,
): EngineEvent {
  return { time: 1, workload, kind: 'process', process: chain(...items) };
}

export function connectionEvent(
  connection: EventConnection,
  items: (string | { name: string; exe: string; euser: string })[] = ['sh', 'python'],
  workload: WorkloadIdentity = webWorkload,
): EngineEvent {
  return { time: 1, workload, kind: 'connection', process: chain(...items), connection };
}
