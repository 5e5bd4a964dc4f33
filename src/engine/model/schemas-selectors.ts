/**
 * Zod schemas for selectors (spyctl forbids unknown keys in every selector).
 */
import * as z from 'zod';
import { EXPRESSION_OPERATORS, SELECTOR_FIELD_KEYS } from './constants.ts';
import { formatList, hasAnyValue, isTruthy } from './schema-helpers.ts';

type FieldSelectorName = keyof typeof SELECTOR_FIELD_KEYS;

const GLOB_NOTE = 'Globs (*, ?, [seq]) are matched like Python fnmatch: * also matches "/".';

export const matchExpressionSchema = z
  .looseObject({
    key: z.string().describe('The label (or field) the expression tests.'),
    operator: z
      .enum(EXPRESSION_OPERATORS)
      .describe(
        'In: the value is one of `values`. NotIn: the key is absent or matches none of `values`. ' +
          'Exists / DoesNotExist: the key is present / absent (no `values`).',
      ),
    values: z
      .array(z.string())
      .optional()
      .describe(`Values for In / NotIn (required there, forbidden for Exists / DoesNotExist). ${GLOB_NOTE}`),
  })
  .superRefine((expr, ctx) => {
    const hasValues = isTruthy(expr.values);
    if ((expr.operator === 'In' || expr.operator === 'NotIn') && !hasValues) {
      ctx.addIssue({ code: 'custom', path: ['values'], message: `operator ${expr.operator} needs a non-empty values list` });
    }
    if ((expr.operator === 'Exists' || expr.operator === 'DoesNotExist') && hasValues) {
      ctx.addIssue({ code: 'custom', path: ['values'], message: `operator ${expr.operator} does not take values` });
    }
  });

function fieldParts(selector: FieldSelectorName) {
  const valid: readonly string[] = SELECTOR_FIELD_KEYS[selector];
  const bad = (key: string) => `'${key}' is not a field of ${selector} (valid fields: ${formatList(valid)})`;
  return {
    matchFields: z
      .record(z.string(), z.string())
      .superRefine((fields, ctx) => {
        for (const key of Object.keys(fields)) {
          if (!valid.includes(key)) ctx.addIssue({ code: 'custom', path: [key], message: bad(key) });
        }
      })
      .meta({ propertyNames: { enum: [...valid] } })
      .optional()
      .describe(`Field equality tests (each becomes an In expression). Fields: ${valid.join(', ')}. ${GLOB_NOTE}`),
    matchFieldsExpressions: z
      .array(
        matchExpressionSchema.superRefine((expr, ctx) => {
          if (!valid.includes(expr.key)) ctx.addIssue({ code: 'custom', path: ['key'], message: bad(expr.key) });
        }),
      )
      .min(1)
      .optional()
      .describe(`Field expressions, all of which must hold. Fields: ${valid.join(', ')}.`),
  };
}

function requireValue(name: string) {
  return (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
    if (!hasAnyValue(value)) ctx.addIssue({ code: 'custom', message: `${name} must have at least one value` });
  };
}

export const containerSelectorSchema = z
  .strictObject({
    image: z.string().optional().describe(`Container image, e.g. docker.io/library/nginx:1.2*. ${GLOB_NOTE}`),
    imageID: z.string().optional().describe('Image digest (sha256:…). spyctl drops it when creating a policy.'),
    containerName: z.string().optional().describe(`Container name. ${GLOB_NOTE}`),
    containerID: z.string().optional().describe('Container ID.'),
    ...fieldParts('containerSelector'),
  })
  .superRefine(requireValue('containerSelector'));

export const serviceSelectorSchema = z
  .strictObject({
    cgroup: z
      .string()
      .optional()
      .describe(`Linux service cgroup, e.g. systemd:/system.slice/nginx.service. ${GLOB_NOTE}`),
    ...fieldParts('serviceSelector'),
  })
  .superRefine(requireValue('serviceSelector'));

const stringOrList = z.union([z.string(), z.array(z.string())]);

export const machineSelectorSchema = z
  .strictObject({
    hostname: stringOrList.optional().describe(`Host name(s) of the machines in scope. ${GLOB_NOTE}`),
    machineUID: stringOrList.optional().describe('Spyderbat machine UID(s) (mach:…).'),
    ...fieldParts('machineSelector'),
  })
  .superRefine(requireValue('machineSelector'));

export const clusterSelectorSchema = z
  .strictObject({ ...fieldParts('clusterSelector') })
  .superRefine(requireValue('clusterSelector'));

function labelSelector(name: string, what: string) {
  return z
    .strictObject({
      matchLabels: z
        .record(z.string(), z.string())
        .optional()
        .describe(`${what} labels that must all be present with these values. ${GLOB_NOTE}`),
      matchExpressions: z
        .array(matchExpressionSchema)
        .min(1)
        .optional()
        .describe(`${what} label expressions, all of which must hold.`),
    })
    .superRefine((sel, ctx) => {
      if (!isTruthy(sel.matchLabels) && !isTruthy(sel.matchExpressions)) {
        ctx.addIssue({ code: 'custom', message: `${name} needs matchLabels or matchExpressions` });
      }
    });
}

export const namespaceSelectorSchema = labelSelector('namespaceSelector', 'Namespace');
export const podSelectorSchema = labelSelector('podSelector', 'Pod');

export const processSelectorSchema = z
  .strictObject({
    name: z.array(z.string()).min(1).optional().describe(`Process names in scope. ${GLOB_NOTE}`),
    exe: z.array(z.string()).min(1).optional().describe(`Executable paths in scope. ${GLOB_NOTE}`),
    euser: z.array(z.string()).min(1).optional().describe(`Effective users in scope. ${GLOB_NOTE}`),
    ...fieldParts('processSelector'),
  })
  .superRefine((sel, ctx) => {
    if (Object.values(sel).every((v) => v === undefined || v === null)) {
      ctx.addIssue({ code: 'custom', message: 'processSelector needs at least one of name, exe, euser' });
    }
  });

/** Workload selectors, in spyctl's output order. */
export const selectorsShape = {
  clusterSelector: clusterSelectorSchema.optional().describe('Selects the Kubernetes cluster(s) by name or uid.'),
  machineSelector: machineSelectorSchema.optional().describe('Selects machines by hostname or machine UID.'),
  namespaceSelector: namespaceSelectorSchema.optional().describe('Selects Kubernetes namespaces by label.'),
  podSelector: podSelectorSchema.optional().describe('Selects Kubernetes pods by label.'),
  containerSelector: containerSelectorSchema
    .optional()
    .describe('Selects containers by image, name or ID (required when metadata.type is container).'),
  serviceSelector: serviceSelectorSchema
    .optional()
    .describe('Selects Linux services by cgroup (required when metadata.type is linux-service).'),
};
