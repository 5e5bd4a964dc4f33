/** Public result types of the spyderbat create / merge / diff / deviation functions. */
import type { ActionName, ProcessNode, Protocol, Severity } from '../model/types.ts';

/** A selector or process name generalised into a glob, and the values it came from. */
export interface WildcardNote {
  /** e.g. `spec.containerSelector.image`, `spec.processPolicy[iptables_0].name`. */
  path: string;
  value: string;
  from: string[];
}

export interface MergeWarning {
  code: 'selector-dropped' | 'selector-widened' | 'type-mismatch' | 'skipped-input' | (string & {});
  message: string;
  path?: string;
  inputIndex?: number;
}

export interface BehaviourSummary {
  processesAdded: number;
  processesChanged: number;
  processesRemoved: number;
  ingressAdded: number;
  ingressRemoved: number;
  egressAdded: number;
  egressRemoved: number;
  /** e.g. "+2 processes, +1 egress destination, −1 ingress peer", or "no changes". */
  text: string;
}

export type DeviationItem =
  | { kind: 'process'; path: string[]; node: ProcessNode; parentId?: string }
  | {
      kind: 'ingress' | 'egress';
      /** CIDR or DNS name. */
      peer: string;
      port: number;
      endPort?: number;
      protocol: Protocol;
      /** Process id, when the node names processes. */
      process?: string;
    };

/** A response action that fires for a deviating fingerprint. */
export interface FiredAction {
  action: ActionName;
  severity?: Severity;
  /** From `response.actions` (selector-scoped) rather than `response.default`. */
  scoped: boolean;
  /** Audit mode: logged as what would have happened, not taken. */
  wouldHave: boolean;
  description: string;
}

export interface FingerprintDeviation {
  fingerprintIndex: number;
  name: string;
  items: DeviationItem[];
  actions: FiredAction[];
}
