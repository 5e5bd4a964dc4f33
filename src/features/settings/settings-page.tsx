import { useId, useState } from 'react';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { useDataSource } from '../../api/data-source-context.ts';
import { ApiForm } from './api-form.tsx';
import { DataOverview } from './data-overview.tsx';
import { DemoControls } from './demo-controls.tsx';
import './settings.css';

export function SettingsPage() {
  const ds = useDataSource();
  const id = useId();
  const [mode, setMode] = useState<'demo' | 'api'>(ds.source.kind);
  return (
    <div className="settings">
      <PageHeader title="Settings" description="Where the console gets its data, and how it looks." />
      <section className="panel" aria-labelledby={`${id}-source`}>
        <h2 id={`${id}-source`}>Data source</h2>
        <p>
          Connected to: <strong data-testid="current-source">{ds.label}</strong>
          {ds.source.kind === 'api' && ds.source.org ? (
            <>
              {' '}
              (organization <code>{ds.source.org}</code>)
            </>
          ) : null}
        </p>
        <fieldset className="choice">
          <legend className="sr-only">Data source</legend>
          <label className="radio">
            <input type="radio" name="data-source" value="demo" checked={mode === 'demo'} onChange={() => setMode('demo')} />
            <span>
              <strong>Demo data</strong>
              <span className="help">Bundled, works offline, edits kept in this browser.</span>
            </span>
          </label>
          <label className="radio">
            <input type="radio" name="data-source" value="api" checked={mode === 'api'} onChange={() => setMode('api')} />
            <span>
              <strong>API</strong>
              <span className="help">A Spyderbat v1 API, or the mock server (npm run mock-server).</span>
            </span>
          </label>
        </fieldset>
        {mode === 'api' ? (
          <ApiForm />
        ) : ds.source.kind === 'api' ? (
          <button type="button" className="btn btn-primary" onClick={() => ds.connect({ kind: 'demo' })}>
            Use demo data
          </button>
        ) : null}
      </section>
      <DataOverview />
      {ds.source.kind === 'demo' && mode === 'demo' && <DemoControls />}
      <section className="panel" aria-labelledby={`${id}-cors`}>
        <h2 id={`${id}-cors`}>Using a real Spyderbat API from the browser</h2>
        <p>
          The console calls the API directly from your browser, so the API must allow this page’s origin (CORS: <code>Access-Control-Allow-Origin</code>,
          and <code>Authorization</code> in <code>Access-Control-Allow-Headers</code>). If it does not, run the console with the dev proxy and use the base URL{' '}
          <code>/proxy</code>:
        </p>
        <pre className="code-block">PALISADE_API_PROXY=https://api.spyderbat.com npm start    # or: npm run dev</pre>
        <p className="muted">
          The key stays in this browser (session storage, or local storage if you tick “Remember on this device”) and travels only in the{' '}
          <code>Authorization</code> header — never in a URL or a log.
        </p>
      </section>
    </div>
  );
}
