/**
 * Zod schemas for ports, peers, network rules and process nodes.
 */
import * as z from 'zod';
import { cidrError, networkContains, parseCidr } from '../match/cidr.ts';
import { LIMITS, PROTOCOLS } from './constants.ts';

const portNumber = z.number().int().min(0).max(LIMITS.portMax);

export const portSchema = z
  .strictObject({
    protocol: z.enum(PROTOCOLS).describe('Transport protocol: exactly TCP or UDP (upper case).'),
    port: portNumber.describe('Port number (0–65535); the first port of a range when endPort is set.'),
    endPort: portNumber
      .optional()
      .describe('Last port of an inclusive range (port–endPort); must be ≥ port and ≤ 65535.'),
  })
  .superRefine((p, ctx) => {
    if (p.endPort !== undefined && p.endPort < p.port) {
      ctx.addIssue({
        code: 'custom',
        path: ['endPort'],
        message: `endPort ${p.endPort} must be greater than or equal to port ${p.port}`,
      });
    }
  });

const cidrString = z.string().superRefine((cidr, ctx) => {
  const err = cidrError(cidr);
  if (err !== null) ctx.addIssue({ code: 'custom', message: err });
});

export const ipBlockSchema = z
  .strictObject({
    cidr: cidrString.describe(
      'IPv4 or IPv6 network in CIDR notation (e.g. 192.168.0.0/16, 10.0.0.7/32); host bits must be zero.',
    ),
    except: z
      .array(cidrString)
      .max(LIMITS.exceptMax)
      .optional()
      .describe('Up to 10 networks inside `cidr` (same IP family) that are excluded from it.'),
  })
  .superRefine((block, ctx) => {
    const outer = parseCidr(block.cidr);
    if (outer === null || block.except === undefined) return;
    block.except.forEach((inner, i) => {
      const net = parseCidr(inner);
      if (net === null) return;
      if (net.family !== outer.family) {
        ctx.addIssue({
          code: 'custom',
          path: ['except', i],
          message: `except network '${inner}' is IPv${net.family} but cidr '${block.cidr}' is IPv${outer.family}`,
        });
      } else if (!networkContains(outer, net)) {
        ctx.addIssue({
          code: 'custom',
          path: ['except', i],
          message: `except network '${inner}' is not inside cidr '${block.cidr}'`,
        });
      }
    });
  });

const ipPeer = z.strictObject({
  ipBlock: ipBlockSchema.describe('A network (CIDR) with optional excluded sub-networks.'),
});
const dnsPeer = z.strictObject({
  dnsSelector: z
    .array(z.string())
    .describe('DNS names of the peer. Globs allowed (*.example.com); names ending in .local count as private.'),
});

export const peerSchema = z.union([ipPeer, dnsPeer], {
  error: 'each peer must be either {ipBlock: {cidr: …}} or {dnsSelector: [names]}',
});

const processIds = z
  .array(z.string())
  .min(1)
  .optional()
  .describe('Ids of the processes (from processPolicy) this rule applies to; omitted means any process.');
const ports = z.array(portSchema).min(1).describe('Ports (at least one) the connection uses on the policy side.');

export const ingressRuleSchema = z.strictObject({
  from: z.array(peerSchema).min(1).describe('Peers allowed to connect in (at least one).'),
  processes: processIds,
  ports,
});

export const egressRuleSchema = z.strictObject({
  to: z.array(peerSchema).min(1).describe('Peers the workload may connect out to (at least one).'),
  processes: processIds,
  ports,
});

export const networkPolicySchema = z.looseObject({
  ingress: z.array(ingressRuleSchema).describe('Allowed inbound connections.'),
  egress: z.array(egressRuleSchema).describe('Allowed outbound connections.'),
});

export const deviationNetworkPolicySchema = z.looseObject({
  ingress: z.array(ingressRuleSchema).optional().describe('Inbound connections seen outside the policy.'),
  egress: z.array(egressRuleSchema).optional().describe('Outbound connections seen outside the policy.'),
});

export const processNodeSchema = z.strictObject({
  name: z.string().describe('Process name (glob allowed, e.g. python3*).'),
  exe: z.array(z.string()).describe('Executable paths this process may run from (globs allowed).'),
  id: z.string().describe('Identifier, unique across the whole policy; network rules refer to it in `processes`.'),
  euser: z
    .array(z.string())
    .optional()
    .describe('Effective users. Required on top-level processes; children inherit their parent’s list when omitted.'),
  listeningSockets: z.array(portSchema).optional().describe('Ports this process listens on.'),
  get children(): z.ZodOptional<z.ZodArray<typeof processNodeSchema>> {
    return z.array(processNodeSchema).optional().describe('Processes this process may start.');
  },
});

export const policyNodeEntrySchema = z.strictObject({
  policyNode: z
    .strictObject({
      id: z.string().describe('Id of an existing process of the policy.'),
      children: z.array(processNodeSchema).describe('New child processes seen under that existing process.'),
    })
    .describe('New children under an existing policy process.'),
});

export const deviationProcessEntrySchema = z.union([policyNodeEntrySchema, processNodeSchema], {
  error: 'a processPolicy entry must be a process node {name, exe, id, …} or {policyNode: {id, children}}',
});
