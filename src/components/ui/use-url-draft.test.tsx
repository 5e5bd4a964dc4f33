// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { useUrlDraft } from './use-url-draft.ts';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** A "URL" that applies commits late, like the router does. */
function Harness({ lag }: { lag: number }) {
  const [url, setUrl] = useState('');
  const [draft, change] = useUrlDraft(url, (v) => setTimeout(() => setUrl(v), lag), 50);
  return (
    <>
      <input aria-label="q" value={draft} onChange={(e) => change(e.target.value)} />
      <output data-testid="url">{url}</output>
      <button type="button" onClick={() => setUrl('')}>
        clear
      </button>
    </>
  );
}

describe('useUrlDraft', () => {
  it('keeps every keystroke while the URL catches up, and commits after a pause', () => {
    vi.useFakeTimers();
    render(<Harness lag={30} />);
    const input = screen.getByLabelText<HTMLInputElement>('q');
    for (const v of ['d', 'dc', 'dc1']) {
      fireEvent.change(input, { target: { value: v } });
      act(() => void vi.advanceTimersByTime(60)); // commit fires; URL not updated yet
    }
    expect(input.value).toBe('dc1');
    act(() => void vi.advanceTimersByTime(200));
    expect(screen.getByTestId('url').textContent).toBe('dc1');
    expect(input.value).toBe('dc1');
  });

  it('follows the URL when it changes elsewhere', () => {
    vi.useFakeTimers();
    render(<Harness lag={0} />);
    const input = screen.getByLabelText<HTMLInputElement>('q');
    fireEvent.change(input, { target: { value: 'nginx' } });
    act(() => void vi.advanceTimersByTime(100));
    expect(screen.getByTestId('url').textContent).toBe('nginx');
    fireEvent.click(screen.getByRole('button', { name: 'clear' }));
    expect(input.value).toBe('');
  });
});
