// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { DeviationList, GROUPS_PAGE } from './deviation-list.tsx';
import type { FoldedGroup } from './preview-changes.ts';

afterEach(cleanup);

const group = (i: number, members = 1): FoldedGroup => ({
  key: `fingerprint:${i}:w${i}`,
  workload: { index: i, label: `workload-${i}`, type: 'container' },
  source: 'fingerprint',
  draft: 1,
  applied: 0,
  status: 'new',
  kinds: [{ kind: 'egress', draft: 1, applied: 0, newSamples: [], samples: [`to host-${i}:443/TCP`] }],
  members,
});

function renderList(groups: FoldedGroup[]) {
  return render(
    <DeviationList groups={groups} compared={false} fingerprints={[]} recordsByWorkload={undefined} policies={[]} version={0} currentDraft={() => ({ error: 'n/a' })} busy={null} onAdd={vi.fn()} />,
  );
}

describe('DeviationList', () => {
  it('draws a page of workloads at a time', () => {
    renderList(Array.from({ length: GROUPS_PAGE + 5 }, (_, i) => group(i)));
    const list = screen.getByRole('list', { name: 'Deviations by workload' });
    expect(within(list).getAllByText(/^workload-/)).toHaveLength(GROUPS_PAGE);
    fireEvent.click(screen.getByRole('button', { name: 'Show 5 more of 5 workloads' }));
    expect(within(list).getAllByText(/^workload-/)).toHaveLength(GROUPS_PAGE + 5);
    expect(screen.queryByRole('button', { name: /^Show \d+ more/ })).toBeNull();
  });

  it('shows folded replicas with their count and summed deviations', () => {
    renderList([group(0, 3)]);
    expect(screen.getByText('3 fingerprints')).toBeTruthy();
    expect(screen.getByText('3')).toBeTruthy();
  });

  it('opens a workload to what it would add, and says why it cannot', () => {
    renderList([group(0)]);
    fireEvent.click(screen.getByRole('button', { name: 'Add to policy…' }));
    expect(screen.getByText('n/a')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Close' }).getAttribute('aria-expanded')).toBe('true');
  });
});
