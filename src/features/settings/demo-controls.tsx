import { useEffect, useId, useState } from 'react';
import { useDataSource } from '../../api/data-source-context.ts';
import { activeFaultLabels, NO_FAULTS, type DemoBackendInfo, type FaultSettings } from '../../api/demo-backend.ts';

const LATENCIES = [0, 1_000, 3_000, 10_000] as const;
const ERROR_RATES: readonly (readonly [number, string])[] = [
  [0, 'Off'],
  [1 / 3, '1 in 3 requests'],
  [1, 'Every request'],
];

function when(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toLocaleString();
}

/** Reset, fault scenarios and transport of the bundled demo backend. */
export function DemoControls() {
  const ds = useDataSource();
  const id = useId();
  const [info, setInfo] = useState<DemoBackendInfo | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const load = ds.demoControls;

  useEffect(() => {
    let live = true;
    void load?.()
      .then((c) => live && setInfo(c.info()))
      .catch((e: unknown) => live && setNotice(`The demo backend did not start: ${e instanceof Error ? e.message : String(e)}`));
    return () => {
      live = false;
    };
  }, [load]);

  const setFault = (patch: Partial<FaultSettings>): void => {
    void ds.setFaults({ ...ds.faults, ...patch });
  };

  const onReset = async (): Promise<void> => {
    setBusy(true);
    try {
      await ds.resetDemo();
      const c = await load?.();
      if (c) setInfo(c.info());
      setNotice('Demo data restored to the seed: every edit was dropped.');
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  const active = activeFaultLabels(ds.faults);

  return (
    <>
      <section className="panel" aria-labelledby={`${id}-demo`}>
        <h2 id={`${id}-demo`}>Demo data</h2>
        <p className="muted">
          A generated org (3 clusters, workloads, fingerprints, policies, deviations and red flags over the last 30 days) served by a mock of the
          Spyderbat v1 API inside this page. {info ? (info.persistent ? 'Your edits are saved in this browser (IndexedDB).' : 'Edits last until the page reloads.') : ''}
        </p>
        {info && (
          <p className="muted small">
            Seed {info.seed}, generated for {when(info.seededAt)}; transport: {info.transport === 'service-worker' ? 'Service Worker' : 'in-page'}.
            {info.note ? ` ${info.note}` : ''}
          </p>
        )}
        {confirming ? (
          <div className="confirm" role="group" aria-label="Confirm reset">
            <span>Drop every edit and restore the seed?</span>
            <button type="button" className="btn btn-danger" onClick={() => void onReset()} disabled={busy}>
              {busy ? 'Resetting…' : 'Reset demo data'}
            </button>
            <button type="button" className="btn" onClick={() => setConfirming(false)} disabled={busy}>
              Cancel
            </button>
          </div>
        ) : (
          <button type="button" className="btn" onClick={() => setConfirming(true)}>
            Reset demo data…
          </button>
        )}
        {notice && (
          <p className="notice" role="status">
            {notice}
          </p>
        )}
      </section>
      <section className="panel" aria-labelledby={`${id}-faults`}>
        <h2 id={`${id}-faults`}>Fault scenarios</h2>
        <p className="muted">Make the demo backend misbehave to see how the console copes. They stay on for this tab until you turn them off.</p>
        <div className="fault-grid">
          <div className="field">
            <label htmlFor={`${id}-latency`}>Slow responses</label>
            <select id={`${id}-latency`} value={ds.faults.latencyMs} onChange={(e) => setFault({ latencyMs: Number(e.target.value) })}>
              {LATENCIES.map((ms) => (
                <option key={ms} value={ms}>
                  {ms === 0 ? 'Off' : `${ms / 1000} s per request`}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-errors`}>Server errors (HTTP 500)</label>
            <select id={`${id}-errors`} value={ERROR_RATES.find(([r]) => Math.abs(r - ds.faults.errorRate) < 0.01)?.[0] ?? 0} onChange={(e) => setFault({ errorRate: Number(e.target.value) })}>
              {ERROR_RATES.map(([rate, label]) => (
                <option key={label} value={rate}>
                  {label}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="fault-checks">
          <label className="checkbox">
            <input type="checkbox" checked={ds.faults.networkDown} onChange={(e) => setFault({ networkDown: e.target.checked })} />
            Network down
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={ds.faults.expiredKey} onChange={(e) => setFault({ expiredKey: e.target.checked })} />
            Expired API key (401)
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={ds.faults.conflictOnUpdate} onChange={(e) => setFault({ conflictOnUpdate: e.target.checked })} />
            Someone else changed the policy (409 on update)
          </label>
        </div>
        <div className="row gap wrap">
          <span role="status" className={active.length ? 'fault-active' : 'muted'}>
            {active.length ? `Active: ${active.join(', ')}` : 'No faults active.'}
          </span>
          {active.length > 0 && (
            <button type="button" className="btn" onClick={() => void ds.setFaults(NO_FAULTS)}>
              Turn all off
            </button>
          )}
        </div>
      </section>
      <section className="panel" aria-labelledby={`${id}-transport`}>
        <h2 id={`${id}-transport`}>Demo transport</h2>
        <label className="checkbox">
          <input type="checkbox" checked={ds.preferServiceWorker} onChange={(e) => ds.setPreferServiceWorker(e.target.checked)} />
          Serve demo requests through a Service Worker (they show in DevTools → Network)
        </label>
        <p className="help">
          Needs https or localhost; elsewhere (plain http on a LAN host) the in-page transport is used. Applies after a reload.{' '}
          {ds.preferServiceWorker !== (info?.transport === 'service-worker') && info && (
            <button type="button" className="btn btn-ghost btn-inline" onClick={() => window.location.reload()}>
              Reload now
            </button>
          )}
        </p>
      </section>
    </>
  );
}
