/**
 * Zod schemas for whole Spyderbat documents. Unknown keys are rejected exactly
 * where spyctl rejects them (policy / fingerprint top level, spec models,
 * selectors, nodes, actions) and kept where spyctl ignores them (baseline,
 * fingerprint group, ruleset and deviation top level, every metadata).
 */
import * as z from 'zod';
import { API_VERSION } from './types.ts';
import {
  CONTAINER_RULE_TARGETS,
  DISABLE_SCOPES,
  LIMITS,
  POLICY_MODES,
  POLICY_TYPES,
  PROCESS_RULE_TARGETS,
  RULE_VERBS,
  RULESET_TYPES,
  WORKLOAD_TYPES,
} from './constants.ts';
import {
  deviationNetworkPolicySchema,
  deviationProcessEntrySchema,
  networkPolicySchema,
  processNodeSchema,
} from './schemas-network.ts';
import { responseSchema } from './schemas-response.ts';
import {
  clusterSelectorSchema,
  containerSelectorSchema,
  namespaceSelectorSchema,
  podSelectorSchema,
  processSelectorSchema,
  selectorsShape,
} from './schemas-selectors.ts';

const apiVersion = z.literal(API_VERSION).describe('Always spyderbat/v1.');
const timestamp = z.union([z.number(), z.string()]);
const epoch = (what: string) => timestamp.optional().describe(`${what} (epoch seconds).`);

const serverFields = {
  uid: z.string().optional().describe('Server-assigned id (pol:…); present when the object was applied.'),
  creationTimestamp: epoch('When the object was created'),
  selectorHash: z.string().optional().describe('Hash of the selectors, set by the server.'),
  version: z.number().int().optional().describe('Server-side version number.'),
  createdBy: z.string().optional().describe('Who created the object.'),
  lastUpdatedBy: z.string().optional().describe('Who last updated the object.'),
  lastUpdatedTimestamp: epoch('When the object was last updated'),
};

function workloadMetadata<const T extends readonly [string, ...string[]]>(types: T) {
  return z.looseObject({
    name: z.string().describe('Name of the object.'),
    type: z.enum(types).describe(`Workload type: ${types.join(' or ')}. Decides which selector spec needs.`),
    firstTimestamp: epoch('First time the activity was seen'),
    latestTimestamp: epoch('Latest time the activity was seen'),
    ...serverFields,
  });
}

const options = {
  disableProcesses: z.enum(['all']).optional().describe('`all` turns off process monitoring for this policy.'),
  disableConnections: z
    .enum(DISABLE_SCOPES)
    .optional()
    .describe('Turn off connection monitoring: all, egress or ingress.'),
  disablePrivateConnections: z
    .enum(DISABLE_SCOPES)
    .optional()
    .describe('Turn off monitoring of private-network connections (RFC 1918, *.local): all, egress or ingress.'),
  disablePublicConnections: z
    .enum(DISABLE_SCOPES)
    .optional()
    .describe('Turn off monitoring of public-network connections: all, egress or ingress.'),
};

const processPolicy = z.array(processNodeSchema).describe('Allowed process trees (top-level processes first).');
const networkPolicy = networkPolicySchema.describe('Allowed network connections.');
const enabled = z.boolean().optional().describe('false disables the policy (status Disabled); default true.');
const mode = z
  .enum(POLICY_MODES)
  .describe('audit: log what the policy would do. enforce: take the response actions. Required.');
const response = responseSchema.describe('What to do on a violation.');

export const workloadSpecSchema = z.strictObject({ ...selectorsShape, ...options, processPolicy, networkPolicy });

export const workloadPolicySpecSchema = z.strictObject({
  ...selectorsShape,
  ...options,
  enabled,
  mode,
  processPolicy,
  networkPolicy,
  response,
});

export const clusterPolicySpecSchema = z.strictObject({
  clusterSelector: clusterSelectorSchema.describe('The cluster(s) this policy applies to.'),
  enabled,
  mode,
  rulesets: z.array(z.string()).describe('Names of the SpyderbatRuleset objects this policy enforces.'),
  response,
});

const workloadSpec = workloadSpecSchema.describe('Selectors and the observed process and network activity.');

export const fingerprintSchema = z.strictObject({
  apiVersion,
  kind: z.literal('SpyderbatFingerprint').describe('SpyderbatFingerprint: activity observed for one workload.'),
  metadata: workloadMetadata(WORKLOAD_TYPES).describe('Name, type and (ignored) details of the workload.'),
  spec: workloadSpec,
});

export const baselineSchema = z.looseObject({
  apiVersion,
  kind: z.literal('SpyderbatBaseline').describe('SpyderbatBaseline: merged fingerprints, without a response.'),
  metadata: workloadMetadata(WORKLOAD_TYPES).describe('Name and type of the baseline.'),
  spec: workloadSpec,
});

export const workloadPolicySchema = z.strictObject({
  apiVersion,
  kind: z.literal('SpyderbatPolicy').describe('SpyderbatPolicy: a guardian policy.'),
  metadata: workloadMetadata(WORKLOAD_TYPES).describe('Name and type (container or linux-service).'),
  spec: workloadPolicySpecSchema.describe('Selectors, mode, allowed activity and response.'),
});

export const clusterPolicySchema = z.strictObject({
  apiVersion,
  kind: z.literal('SpyderbatPolicy').describe('SpyderbatPolicy: a guardian policy.'),
  metadata: workloadMetadata(['cluster']).describe('Name and type (cluster).'),
  spec: clusterPolicySpecSchema.describe('Cluster selector, mode, rulesets and response.'),
});

export const fingerprintGroupSchema = z.looseObject({
  apiVersion,
  kind: z.literal('FingerprintGroup').describe('FingerprintGroup: fingerprints of one image or cgroup.'),
  metadata: z
    .looseObject({
      image: z.string().optional().describe('Image shared by the grouped container fingerprints.'),
      imageID: z.string().optional().describe('Image digest shared by the group.'),
      cgroup: z.string().optional().describe('cgroup shared by the grouped service fingerprints.'),
      firstTimestamp: z.number().optional().describe('Earliest firstTimestamp of the group (epoch seconds).'),
      latestTimestamp: z.number().optional().describe('Latest latestTimestamp of the group (epoch seconds).'),
    })
    .describe('What the fingerprints have in common.'),
  data: z
    .strictObject({
      fingerprints: z.array(fingerprintSchema).describe('The fingerprints (process ids may repeat across them).'),
      containerNames: z.array(z.string()).optional().describe('Names of the containers seen.'),
      containerIDs: z.array(z.string()).optional().describe('IDs of the containers seen.'),
      machines: z.array(z.string()).optional().describe('Machines the workload ran on.'),
    })
    .describe('The grouped fingerprints.'),
});

const values = z.array(z.string()).describe('Values the rule allows or denies (globs allowed).');
const verb = z.enum(RULE_VERBS).describe('allow or deny.');
const ruleScope = {
  clusterSelector: clusterSelectorSchema.optional().describe('Limit the rule to these clusters.'),
  namespaceSelector: namespaceSelectorSchema.optional().describe('Limit the rule to these namespaces.'),
  podSelector: podSelectorSchema.optional().describe('Limit the rule to these pods.'),
  containerSelector: containerSelectorSchema.optional().describe('Limit the rule to these containers.'),
};

export const containerRuleSchema = z.looseObject({
  target: z.enum(CONTAINER_RULE_TARGETS).describe('What the values are compared with (container::image, …).'),
  verb,
  values,
  ...ruleScope,
});

export const processRuleSchema = z.looseObject({
  target: z.enum(PROCESS_RULE_TARGETS).describe('What the values are compared with (process::exe, …).'),
  verb,
  values,
  ...ruleScope,
  processSelector: processSelectorSchema.optional().describe('Limit the rule to these processes.'),
});

export const rulesetRuleSchema = z.discriminatedUnion('target', [containerRuleSchema, processRuleSchema]);

export const rulesetSchema = z.looseObject({
  apiVersion,
  kind: z.literal('SpyderbatRuleset').describe('SpyderbatRuleset: allow / deny rules used by cluster policies.'),
  metadata: z
    .looseObject({
      name: z
        .string()
        .superRefine((name, ctx) => {
          if (name.includes(' ')) ctx.addIssue({ code: 'custom', message: 'ruleset name must not contain spaces' });
          if (name.length >= LIMITS.rulesetNameMax) {
            ctx.addIssue({ code: 'custom', message: 'ruleset name must be shorter than 64 characters' });
          }
        })
        .describe('Ruleset name: no spaces, fewer than 64 characters.'),
      type: z.enum(RULESET_TYPES).describe('cluster or container.'),
      ...serverFields,
    })
    .describe('Name and type of the ruleset.'),
  spec: z
    .looseObject({ rules: z.array(rulesetRuleSchema).describe('The rules, evaluated by target.') })
    .describe('The rules.'),
});

export const deviationSpecSchema = z.strictObject({
  ...selectorsShape,
  ...options,
  processPolicy: z
    .array(deviationProcessEntrySchema)
    .optional()
    .describe('Processes seen outside the policy: new trees, or new children under {policyNode: {id}}.'),
  networkPolicy: deviationNetworkPolicySchema.optional().describe('Connections seen outside the policy.'),
  rules: z.array(containerRuleSchema).optional().describe('Ruleset values seen outside a cluster policy.'),
  matches: z.record(z.string(), z.unknown()).optional().describe('Rule matches that led to the deviation.'),
});

export const deviationSchema = z.looseObject({
  apiVersion,
  kind: z.literal('GuardianDeviation').describe('GuardianDeviation: activity a policy did not allow.'),
  metadata: z
    .looseObject({
      type: z.enum(POLICY_TYPES).describe('Type of the policy that deviated: container, linux-service or cluster.'),
      policy_uid: z.string().describe('UID of that policy.'),
      checksum: z.string().describe('Checksum identifying the deviation (used to deduplicate).'),
      uid: z.string().describe('UID of the deviation.'),
    })
    .describe('Which policy the deviation belongs to.'),
  spec: deviationSpecSchema.describe('The activity outside the policy.'),
});
