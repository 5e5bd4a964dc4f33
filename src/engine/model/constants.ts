/**
 * Enumerations and tables of the Spyderbat object model (spyctl v0.13.1 /
 * spyctl-cli v0.24.2). Schemas, validation and the editor's JSON schema all
 * read these, so a value is listed in exactly one place.
 */
import type { ActionName, PolicyType } from './types.ts';

export const KINDS = [
  'SpyderbatFingerprint',
  'FingerprintGroup',
  'SpyderbatBaseline',
  'SpyderbatPolicy',
  'SpyderbatRuleset',
  'GuardianDeviation',
] as const;
export type Kind = (typeof KINDS)[number];

export const WORKLOAD_TYPES = ['container', 'linux-service'] as const;
export const POLICY_TYPES = ['container', 'linux-service', 'cluster'] as const;
export const POLICY_MODES = ['audit', 'enforce'] as const;
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export const PROTOCOLS = ['TCP', 'UDP'] as const;
export const EXPRESSION_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'] as const;
export const DISABLE_SCOPES = ['all', 'egress', 'ingress'] as const;
export const WEBHOOK_TEMPLATES = ['json', 'yaml', 'slack'] as const;
export const RULESET_TYPES = ['cluster', 'container'] as const;
export const RULE_VERBS = ['allow', 'deny'] as const;
export const CONTAINER_RULE_TARGETS = [
  'container::image',
  'container::imageID',
  'container::containerName',
  'container::containerID',
] as const;
export const PROCESS_RULE_TARGETS = ['process::exe', 'process::name', 'process::euser'] as const;

export const ACTION_NAMES = [
  'makeRedFlag',
  'makeOpsFlag',
  'agentKillPod',
  'agentKillProcess',
  'agentKillProcessGroup',
  'agentKillProcessTree',
  'agentReniceProcess',
  'webhook',
] as const satisfies readonly ActionName[];

/**
 * Which actions a policy of each type may use. The first six entries follow the
 * reference table; `agentKillProcessTree` / `agentReniceProcess` (spyctl-cli only)
 * are process actions and follow `agentKillProcess`; `webhook` (spyctl v0.13.1)
 * is a notification and is allowed everywhere.
 */
export const ALLOWED_ACTIONS: Readonly<Record<PolicyType, readonly ActionName[]>> = {
  'linux-service': [
    'makeRedFlag',
    'makeOpsFlag',
    'agentKillProcess',
    'agentKillProcessGroup',
    'agentKillProcessTree',
    'agentReniceProcess',
    'webhook',
  ],
  container: [
    'makeRedFlag',
    'makeOpsFlag',
    'agentKillPod',
    'agentKillProcess',
    'agentKillProcessGroup',
    'agentKillProcessTree',
    'agentReniceProcess',
    'webhook',
  ],
  cluster: ['makeRedFlag', 'makeOpsFlag', 'agentKillPod', 'webhook'],
};

/** Selectors an entry under `response.actions` may use to scope its action. */
export const ACTION_SELECTOR_KEYS = [
  'clusterSelector',
  'containerSelector',
  'machineSelector',
  'namespaceSelector',
  'podSelector',
  'processSelector',
] as const;

/** Keys allowed in `matchFields` / `matchFieldsExpressions` of each selector. */
export const SELECTOR_FIELD_KEYS = {
  containerSelector: ['image', 'imageID', 'containerName', 'containerID'],
  serviceSelector: ['cgroup', 'name'],
  machineSelector: ['hostname', 'sourceName', 'uid'],
  clusterSelector: ['name', 'uid'],
  processSelector: ['name', 'exe', 'euser'],
} as const;

/** The selector each `metadata.type` requires in `spec`. */
export const REQUIRED_SELECTOR: Readonly<Record<PolicyType, string>> = {
  container: 'containerSelector',
  'linux-service': 'serviceSelector',
  cluster: 'clusterSelector',
};

export const LIMITS = {
  portMax: 65535,
  exceptMax: 10,
  impactMax: 100,
  contentMax: 350,
  descriptionMax: 350,
  urlMax: 2048,
  /** Ruleset names must be shorter than this. */
  rulesetNameMax: 64,
} as const;
