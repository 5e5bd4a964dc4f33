import { memo, useState } from 'react';
import type { RuleCoverage } from '../../../engine/preview/types.ts';

interface Row {
  key: string;
  label: string;
  path: string;
  count: number;
  dead: boolean;
  broad: string[];
}

/** Rows for every process node and network rule, with dead and too-broad flags. */
export function coverageRows(c: RuleCoverage): Row[] {
  const broadBy = new Map<string, string[]>();
  for (const b of c.tooBroad) {
    const key = b.kind === 'process' && b.id !== undefined ? `p:${b.id}` : b.kind === 'network' && b.direction !== undefined ? `${b.direction}:${b.rule ?? -1}` : `s:${b.path}`;
    broadBy.set(key, [...(broadBy.get(key) ?? []), b.reason]);
  }
  const rows: Row[] = [];
  for (const n of c.processNodes) {
    rows.push({ key: `p:${n.id}`, label: `process ${n.name} (${n.id})`, path: n.path, count: n.count, dead: n.count === 0, broad: broadBy.get(`p:${n.id}`) ?? [] });
  }
  for (const dir of ['ingress', 'egress'] as const) {
    for (const r of c[dir]) {
      rows.push({ key: `${dir}:${r.index}`, label: `${dir} rule ${r.index + 1}`, path: r.path, count: r.count, dead: r.count === 0, broad: broadBy.get(`${dir}:${r.index}`) ?? [] });
    }
  }
  return rows;
}

const FLAGGED_SHOWN = 40;
/** Rows drawn per page of the full list (a 3,000-line policy has hundreds of rules). */
const ALL_PAGE = 100;

function RowItem({ r, replayed }: { r: Row; replayed: boolean }) {
  return (
    <li className={`pv-rule${r.dead && replayed ? ' pv-rule-dead' : ''}${r.broad.length > 0 ? ' pv-rule-broad' : ''}`}>
      <span className="pv-rule-label" title={r.path}>
        {r.label}
      </span>
      <span className="pv-count">{r.count.toLocaleString('en-US')}</span>
      {r.dead && replayed && <span className="pv-flag pv-flag-dead">dead</span>}
      {r.broad.length > 0 && (
        <span className="pv-flag pv-flag-broad" title={r.broad.join('; ')}>
          too broad
        </span>
      )}
      {r.broad.length > 0 && <span className="pv-reason">{r.broad.join('; ')}</span>}
    </li>
  );
}

/** Rule coverage: observations matched per process node and network rule; dead and too-broad rules first. */
export const CoverageSection = memo(function CoverageSection({ coverage }: { coverage: RuleCoverage }) {
  const [showAll, setShowAll] = useState(false);
  const [limit, setLimit] = useState(ALL_PAGE);
  const rows = coverageRows(coverage);
  const replayed = coverage.sources.fingerprintActivities + coverage.sources.events > 0;
  const flagged = rows.filter((r) => (r.dead && replayed) || r.broad.length > 0);
  const selectorBroad = coverage.tooBroad.filter((b) => b.kind === 'selector');
  const dead = coverage.dead.processNodes.length + coverage.dead.ingress.length + coverage.dead.egress.length;
  return (
    <section className="pv-section" aria-labelledby="pv-coverage-h">
      <h3 id="pv-coverage-h" className="pv-h">
        Rule coverage
      </h3>
      <p className="pv-small muted">
        Replayed {coverage.sources.fingerprintActivities.toLocaleString('en-US')} observations from fingerprints in scope and {coverage.sources.events.toLocaleString('en-US')} recorded events.{' '}
        {replayed ? `${dead} dead, ${coverage.tooBroad.length} too broad.` : 'Nothing was replayed, so no rule can be called dead.'}
      </p>
      {selectorBroad.length > 0 && (
        <ul className="pv-rules">
          {selectorBroad.map((b) => (
            <li key={b.path} className="pv-rule pv-rule-broad">
              <span className="pv-rule-label">{b.path}</span>
              <span className="pv-flag pv-flag-broad">too broad</span>
              <span className="pv-reason">{b.reason}</span>
            </li>
          ))}
        </ul>
      )}
      {flagged.length > 0 && (
        <ul className="pv-rules" aria-label="Dead or too-broad rules">
          {flagged.slice(0, FLAGGED_SHOWN).map((r) => (
            <RowItem key={r.key} r={r} replayed={replayed} />
          ))}
          {flagged.length > FLAGGED_SHOWN && <li className="muted pv-small">and {flagged.length - FLAGGED_SHOWN} more flagged rules (show all rules below)</li>}
        </ul>
      )}
      {rows.length > 0 && (
        <>
          <button type="button" className="btn btn-ghost pv-btn-small" aria-expanded={showAll} onClick={() => setShowAll(!showAll)}>
            {showAll ? 'Hide' : 'Show'} all {rows.length} rules with their match counts
          </button>
          {showAll && (
            <ul className="pv-rules pv-rules-all" aria-label="All rules">
              {rows.slice(0, limit).map((r) => (
                <RowItem key={r.key} r={r} replayed={replayed} />
              ))}
              {rows.length > limit && (
                <li>
                  <button type="button" className="btn btn-ghost pv-btn-small" onClick={() => setLimit(limit + ALL_PAGE)}>
                    Show {Math.min(ALL_PAGE, rows.length - limit)} more of {rows.length - limit}
                  </button>
                </li>
              )}
            </ul>
          )}
        </>
      )}
    </section>
  );
});
