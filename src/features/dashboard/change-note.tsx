import type { Change } from '../../components/charts/format.ts';
import { formatCount } from '../../components/charts/format.ts';

const ARROW: Record<Change['direction'], string> = { up: '▲', down: '▼', flat: '', new: '' };

/** "▼ −35% vs previous period (1,200)"; green when the count fell (for deviations and flags, fewer is better). */
export function ChangeNote({ change, previous, goodWhenDown, short }: { change: Change; previous: number; goodWhenDown?: boolean; short?: boolean }) {
  const good = goodWhenDown ? change.direction === 'down' : change.direction === 'up';
  const bad = goodWhenDown ? change.direction === 'up' || change.direction === 'new' : change.direction === 'down';
  const text = short
    ? change.direction === 'new'
      ? 'none before'
      : `${change.text} (was ${formatCount(previous)})`
    : change.direction === 'new'
      ? 'none in the previous period'
      : `${change.text} vs previous period (${formatCount(previous)})`;
  return (
    <span className={`change ${good ? 'change-good' : bad ? 'change-bad' : 'change-flat'}`} title={`Previous period: ${formatCount(previous)}`}>
      {ARROW[change.direction] && <span aria-hidden="true">{ARROW[change.direction]} </span>}
      {text}
    </span>
  );
}
