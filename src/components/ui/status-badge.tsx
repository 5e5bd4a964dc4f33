export type PolicyStatus = 'Auditing' | 'Enforcing' | 'Disabled';
export type SeverityLevel = 'critical' | 'high' | 'medium' | 'low' | 'info';

/** Auditing amber, Enforcing green, Disabled grey. */
export function StatusBadge({ status }: { status: PolicyStatus }) {
  return <span className={`badge status-${status.toLowerCase()}`}>{status}</span>;
}

export function SeverityBadge({ severity }: { severity: SeverityLevel }) {
  return <span className={`badge sev-${severity}`}>{severity}</span>;
}
