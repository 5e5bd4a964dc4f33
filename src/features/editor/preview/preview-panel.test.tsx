// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { DataSourceContext, type DataSourceState } from '../../../api/data-source-context.ts';
import { deviationKeys } from '../../../api/deviations.ts';
import { fingerprintKeys } from '../../../api/fingerprints.ts';
import { policyKeys } from '../../../api/policies.ts';
import type { DeviationRecord } from '../../../api/types.ts';
import type { SpyderbatFingerprint, SpyderbatPolicy } from '../../../engine/model/types.ts';
import { getEngineClient, hasEngineClient, resetEngineClient } from '../../../components/engine/use-engine.ts';
import { LatestActivityDiff } from './latest-activity-diff.tsx';
import { PreviewPanel } from './preview-panel.tsx';
import { deviatingFingerprint, IMAGE, nginxPolicy, nginxYaml, quietFingerprint, shRecord } from './test-fixtures.ts';

beforeAll(() => {
  // jsdom has no modal dialogs.
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.open = false;
  };
});

afterEach(() => {
  cleanup();
  resetEngineClient();
});

const redis = (): SpyderbatFingerprint => {
  const fp = quietFingerprint('cache-1', 'mach-3');
  (fp.metadata as Record<string, unknown>).name = 'redis:7';
  (fp.spec as { containerSelector: { image: string } }).containerSelector = { image: 'docker.io/library/redis:7' };
  return fp;
};

interface Data {
  fingerprints: SpyderbatFingerprint[];
  policies: SpyderbatPolicy[];
  records: DeviationRecord[];
}

function wrapper(data: Data): (props: { children: ReactNode }) => ReactNode {
  const qc = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  qc.setQueryData(fingerprintKeys.list({}), data.fingerprints);
  qc.setQueryData(policyKeys.list({}), data.policies);
  qc.setQueryData(deviationKeys.list({ days: 7 }), data.records);
  const client = { http: {} as never, org: 'acme', sourceId: 'test', pollIntervalMs: 1 };
  const ds = { client, source: { kind: 'demo' }, label: 'Test' } as unknown as DataSourceState;
  return function Wrapper({ children }: { children: ReactNode }) {
    return (
      <QueryClientProvider client={qc}>
        <DataSourceContext.Provider value={ds}>{children}</DataSourceContext.Provider>
      </QueryClientProvider>
    );
  };
}

const applied = nginxPolicy({ uid: 'pol:nginx' });
const widening = (): DeviationRecord => {
  const r = shRecord('pol:nginx', 1_700_000_300, 'dev-wide');
  return { ...r, checksum: 'feedbeef00000000', deviation: { ...r.deviation, metadata: { ...r.deviation.metadata, checksum: 'feedbeef00000000' }, spec: { ...r.deviation.spec, containerSelector: { image: 'docker.io/library/nginx:1.27' } } } };
};
const baseData = (): Data => ({ fingerprints: [deviatingFingerprint(), quietFingerprint(), redis()], policies: [applied], records: [shRecord(), widening()] });

async function ready(): Promise<HTMLElement> {
  const panel = await screen.findByTestId('preview-panel');
  await waitFor(() => expect(within(panel).getByTestId('preview-scope-count').textContent).toBe('2'), { timeout: 10_000 });
  await waitFor(() => expect(panel.dataset.pending).toBe('false'));
  return panel;
}

describe('PreviewPanel (inline engine: jsdom has no Worker)', () => {
  it('previews scope, deviations by workload and kind, actions and coverage', async () => {
    const data = baseData();
    data.records.push(shRecord('pol:deleted', 1_700_000_400, 'dev-orphan'));
    render(<PreviewPanel draftYaml={nginxYaml()} onMergeIntoDraft={vi.fn()} />, { wrapper: wrapper(data) });
    const panel = await ready();
    expect(within(panel).getByText(/of 3$/)).toBeTruthy();
    expect(within(panel).getByTestId('preview-dataset').textContent).toMatch(/Against 3 fingerprints and \d+ events from 2 deviations recorded in the last 7 days/);
    const groups = within(panel).getByRole('list', { name: 'Deviations by workload' });
    expect(within(groups).getAllByText('web-1 · docker.io/library/nginx:latest · prod/shop')).toHaveLength(2);
    expect(within(groups).getByText('fingerprint')).toBeTruthy();
    expect(within(groups).getByText('recorded, 7 d')).toBeTruthy();
    expect(within(groups).getByText('sh (/bin/sh) under nginx_1')).toBeTruthy();
    expect(within(panel).getByTestId('preview-actions').textContent).toMatch(/^audit: would raise \d+ high red flags$/);
    expect(within(panel).getByRole('heading', { name: 'Rule coverage' })).toBeTruthy();
    const notes = within(panel).getByRole('heading', { name: 'Where the preview cannot decide' }).closest('section') as HTMLElement;
    expect(within(notes).getByText('1 of 3 deviations recorded in the last 7 days could not be replayed: its policy is no longer listed.')).toBeTruthy();
  });

  it('debounces typing: a burst of drafts runs the engine once, on the last one', async () => {
    const { rerender } = render(<PreviewPanel draftYaml={nginxYaml()} onMergeIntoDraft={vi.fn()} />, { wrapper: wrapper(baseData()) });
    const panel = await ready();
    const spy = vi.spyOn(getEngineClient(), 'previewPolicy');
    for (const name of ['a', 'ab', 'abc', 'abcd']) rerender(<PreviewPanel draftYaml={nginxYaml(name)} onMergeIntoDraft={vi.fn()} />);
    expect(panel.dataset.pending).toBe('true');
    await waitFor(() => expect(panel.dataset.pending).toBe('false'), { timeout: 10_000 });
    expect(spy.mock.calls.map((c) => c[0])).toEqual([nginxYaml('abcd')]);
    expect(spy.mock.calls[0]?.[1]).toMatchObject({ key: expect.stringMatching(/^editor-preview:/) as unknown, signal: expect.any(AbortSignal) as unknown });
  });

  it('keeps the last preview and says where to fix the YAML when it does not parse', async () => {
    const { rerender } = render(<PreviewPanel draftYaml={nginxYaml()} onMergeIntoDraft={vi.fn()} />, { wrapper: wrapper(baseData()) });
    const panel = await ready();
    rerender(<PreviewPanel draftYaml={nginxYaml().replace('  mode: audit', '  mode: [audit')} onMergeIntoDraft={vi.fn()} />);
    const paused = await within(panel).findByTestId('preview-paused', undefined, { timeout: 10_000 });
    expect(paused.textContent).toMatch(/^Preview paused: fix the YAML \(line \d+\)\. Showing the last preview\./);
    expect(within(panel).getByTestId('preview-scope-count').textContent).toBe('2');
    rerender(<PreviewPanel draftYaml={nginxYaml('renamed')} onMergeIntoDraft={vi.fn()} />);
    await waitFor(() => expect(within(panel).queryByTestId('preview-paused')).toBeNull(), { timeout: 10_000 });
  });

  it('"Add to policy" merges one deviation at its place in the tree and hands the YAML to the editor', async () => {
    const onMerge = vi.fn();
    render(<PreviewPanel draftYaml={nginxYaml()} onMergeIntoDraft={onMerge} />, { wrapper: wrapper(baseData()) });
    const panel = await ready();
    const fpGroup = within(panel).getByText('fingerprint').closest('li') as HTMLElement;
    fireEvent.click(within(fpGroup).getByRole('button', { name: 'Add to policy…' }));
    const list = await within(fpGroup).findByRole('list', { name: /^Deviations of web-1/ }, { timeout: 10_000 });
    const proc = within(list).getByText(/^process sh/).closest('li') as HTMLElement;
    fireEvent.click(within(proc).getByRole('button', { name: 'Add to policy' }));
    await waitFor(() => expect(onMerge).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    const [yaml, note] = onMerge.mock.calls[0] as [string, string];
    expect(note).toBe('Added process sh from web-1 · docker.io/library/nginx:latest · prod/shop');
    expect(yaml).toMatch(/id: nginx_1\n\s+euser:\n\s+- www-data\n\s+children:\n\s+- name: sh\n/);
    expect(yaml).not.toContain('api.example.com');
    expect(await within(panel).findByText(/^Added process sh from web-1/)).toBeTruthy();
  });

  it('asks before a merge that widens the selectors, and leaves the draft alone on cancel', async () => {
    const onMerge = vi.fn();
    render(<PreviewPanel draftYaml={nginxYaml()} onMergeIntoDraft={onMerge} />, { wrapper: wrapper(baseData()) });
    const panel = await ready();
    const recGroup = within(panel).getByText('recorded, 7 d').closest('li') as HTMLElement;
    fireEvent.click(within(recGroup).getByRole('button', { name: 'Add to policy…' }));
    const list = await within(recGroup).findByRole('list', { name: /^Deviations of web-1/ });
    const buttons = within(list).getAllByRole('button', { name: 'Add to policy' });
    expect(buttons).toHaveLength(2);
    fireEvent.click(buttons[1] as HTMLElement);
    const dialog = await screen.findByRole('dialog', { name: 'Adding this changes what the policy covers' }, { timeout: 10_000 });
    expect(within(dialog).getByText(/outside the policy's selector/)).toBeTruthy();
    expect(onMerge).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep the draft as it is' }));
    expect(await within(panel).findByText('Not added: the draft is unchanged.')).toBeTruthy();
    expect(onMerge).not.toHaveBeenCalled();
    // The same merge, confirmed.
    fireEvent.click(buttons[1] as HTMLElement);
    const again = await screen.findByRole('dialog', { name: 'Adding this changes what the policy covers' }, { timeout: 10_000 });
    fireEvent.click(within(again).getByRole('button', { name: 'Add and change the selectors' }));
    expect(onMerge).toHaveBeenCalledTimes(1);
    expect((onMerge.mock.calls[0] as [string])[0]).not.toContain(`image: ${IMAGE}`);
  });

  it('"only changes vs applied" compares with the applied policy of the same uid', async () => {
    const same = nginxYaml('nginx-policy', 'pol:nginx');
    const { rerender } = render(<PreviewPanel draftYaml={same} onMergeIntoDraft={vi.fn()} />, { wrapper: wrapper(baseData()) });
    const panel = await ready();
    fireEvent.click(within(panel).getByRole('checkbox', { name: 'Only changes vs applied' }));
    expect(await within(panel).findByText('The draft raises the same deviations as the applied policy.', undefined, { timeout: 10_000 })).toBeTruthy();
    // The draft now allows sh under the nginx worker: the recorded sh deviation is gone; the fingerprint's curl under sh is a new one.
    const withSh = same.replace('      - www-data\n', '      - www-data\n      children:\n      - name: sh\n        exe:\n        - /bin/sh\n        id: sh_0\n');
    rerender(<PreviewPanel draftYaml={withSh} onMergeIntoDraft={vi.fn()} />);
    await waitFor(() => expect(within(panel).getAllByText('fewer than applied')).toHaveLength(1), { timeout: 10_000 });
    const fp = within(panel).getByText('more than applied').closest('li') as HTMLElement;
    expect(within(fp).getByText('curl (/usr/bin/curl) under sh_0').className).toBe('pv-sample pv-sample-new');
    expect(within(panel).getByText(/^Against applied nginx-policy: more or different deviations in 1 workload, fewer in 1, none left in 0\.$/)).toBeTruthy();
    expect(within(panel).getByText('none: the draft allows these')).toBeTruthy();
  });
});

describe('LatestActivityDiff', () => {
  it('shows the spyctl diff --latest of the draft as a tree with the summary', async () => {
    render(<LatestActivityDiff draftYaml={nginxYaml()} />, { wrapper: wrapper(baseData()) });
    const summary = await screen.findByTestId('latest-diff-summary', undefined, { timeout: 10_000 });
    expect(summary.textContent).toBe('+2 processes, +1 egress destination, +1 ingress peer');
    const tree = screen.getByRole('list', { name: 'Process changes' });
    expect(within(tree).getByText('sh')).toBeTruthy();
    expect(within(tree).getAllByText('added')).toHaveLength(2);
    expect(within(screen.getByRole('list', { name: 'egress changes' })).getByText(/to api\.example\.com : 443\/TCP by curl_0/)).toBeTruthy();
  });

  it('marks a result stale when the draft changes, and compares again on request', async () => {
    const { rerender } = render(<LatestActivityDiff draftYaml={nginxYaml()} />, { wrapper: wrapper(baseData()) });
    await screen.findByTestId('latest-diff-summary', undefined, { timeout: 10_000 });
    rerender(<LatestActivityDiff draftYaml={nginxYaml('other')} />);
    expect(screen.getByText('The draft changed since this comparison.')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getAllByRole('button', { name: 'Compare again' })[0] as HTMLElement);
      await Promise.resolve();
    });
    await waitFor(() => expect(screen.queryByText('The draft changed since this comparison.')).toBeNull(), { timeout: 10_000 });
  });
});

describe('engine client', () => {
  it('is created by the first panel that needs it, not before', () => {
    expect(hasEngineClient()).toBe(false);
    render(<PreviewPanel draftYaml={nginxYaml()} onMergeIntoDraft={vi.fn()} />, { wrapper: wrapper(baseData()) });
    return waitFor(() => expect(hasEngineClient()).toBe(true), { timeout: 10_000 });
  });
});
