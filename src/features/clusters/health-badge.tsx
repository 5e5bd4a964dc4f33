import { HEALTH_LABEL, healthTitle, type AgentHealth } from './cluster-model.ts';

export function HealthBadge({ health }: { health: AgentHealth }) {
  return (
    <span className={`badge health-${health}`} title={healthTitle(health)}>
      <span className="health-dot" aria-hidden="true" />
      {HEALTH_LABEL[health]}
    </span>
  );
}
