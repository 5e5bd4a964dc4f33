/**
 * Zod schemas for a policy's `response`: default actions and scoped actions.
 * "Exactly one action per entry", "scoped actions need a selector" and the
 * per-policy-type table are cross-field rules checked by the validator.
 */
import * as z from 'zod';
import { LIMITS, SEVERITIES, WEBHOOK_TEMPLATES } from './constants.ts';
import {
  clusterSelectorSchema,
  containerSelectorSchema,
  machineSelectorSchema,
  namespaceSelectorSchema,
  podSelectorSchema,
  processSelectorSchema,
} from './schemas-selectors.ts';

const severity = z
  .enum(SEVERITIES)
  .describe('Severity of the flag: critical, high, medium, low or info.');
const enabled = z.boolean().optional().describe('Set to false to keep the action defined but switched off.');
const content = z
  .string()
  .max(LIMITS.contentMax)
  .optional()
  .describe('Free text shown with the flag (at most 350 characters).');

const redFlag = {
  severity,
  impact: z.string().max(LIMITS.impactMax).optional().describe('Impact statement (at most 100 characters).'),
  content,
  enabled,
};
const opsFlag = {
  severity,
  content,
  description: z
    .string()
    .max(LIMITS.descriptionMax)
    .optional()
    .describe('Description of the ops flag (at most 350 characters).'),
};
const renice = {
  priority: z.number().int().describe('New nice value for the offending process.'),
  enabled,
};
const webhook = {
  urlDestination: z.string().max(LIMITS.urlMax).describe('URL the notification is posted to (≤ 2048 characters).'),
  template: z.enum(WEBHOOK_TEMPLATES).describe('Payload format: json, yaml or slack.'),
};

/** Selectors that scope an entry under `response.actions`. */
const scope = {
  clusterSelector: clusterSelectorSchema.optional().describe('Take the action only in these clusters.'),
  containerSelector: containerSelectorSchema.optional().describe('Take the action only for these containers.'),
  machineSelector: machineSelectorSchema.optional().describe('Take the action only on these machines.'),
  namespaceSelector: namespaceSelectorSchema.optional().describe('Take the action only in these namespaces.'),
  podSelector: podSelectorSchema.optional().describe('Take the action only for these pods.'),
  processSelector: processSelectorSchema.optional().describe('Take the action only for these processes.'),
};

const D = {
  makeRedFlag: 'Raise a red flag (shown in the console and in spydertraces).',
  makeOpsFlag: 'Raise an ops flag.',
  agentKillPod: 'Kill the pod of the offending process (Kubernetes only).',
  agentKillProcess: 'Kill the offending process.',
  agentKillProcessGroup: 'Kill the process group of the offending process.',
  agentKillProcessTree: 'Kill the offending process and its descendants.',
  agentReniceProcess: 'Lower the scheduling priority of the offending process.',
  webhook: 'Post a notification to a URL (spyctl v0.13).',
} as const;

const killDefault = z.strictObject({ enabled });

export const defaultActionSchema = z
  .strictObject({
    makeRedFlag: z.strictObject(redFlag).optional().describe(D.makeRedFlag),
    makeOpsFlag: z.strictObject(opsFlag).optional().describe(D.makeOpsFlag),
    agentKillPod: killDefault.optional().describe(D.agentKillPod),
    agentKillProcess: killDefault.optional().describe(D.agentKillProcess),
    agentKillProcessGroup: killDefault.optional().describe(D.agentKillProcessGroup),
    agentKillProcessTree: killDefault.optional().describe(D.agentKillProcessTree),
    agentReniceProcess: z.strictObject(renice).optional().describe(D.agentReniceProcess),
    webhook: z.looseObject(webhook).optional().describe(D.webhook),
  })
  .meta({ minProperties: 1, maxProperties: 1 });

const kill = z.strictObject({ enabled, ...scope });

export const scopedActionSchema = z
  .strictObject({
    makeRedFlag: z.strictObject({ ...redFlag, ...scope }).optional().describe(D.makeRedFlag),
    makeOpsFlag: z.strictObject({ ...opsFlag, enabled, ...scope }).optional().describe(D.makeOpsFlag),
    agentKillPod: kill.optional().describe(D.agentKillPod),
    agentKillProcess: kill.optional().describe(D.agentKillProcess),
    agentKillProcessGroup: kill.optional().describe(D.agentKillProcessGroup),
    agentKillProcessTree: kill.optional().describe(D.agentKillProcessTree),
    agentReniceProcess: z.strictObject({ ...renice, ...scope }).optional().describe(D.agentReniceProcess),
    webhook: z.strictObject({ ...webhook, ...scope }).optional().describe(D.webhook),
  })
  .meta({ minProperties: 1, maxProperties: 1 });

export const responseSchema = z.looseObject({
  default: z
    .array(defaultActionSchema)
    .describe('Actions taken on a violation when no scoped action applies. One action per list entry.'),
  actions: z
    .array(scopedActionSchema)
    .describe('Scoped actions: each holds one action with at least one selector saying where it applies.'),
});

export const DEFAULT_RESPONSE = {
  default: [{ makeRedFlag: { severity: 'high' } }],
  actions: [],
} as const;
