// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { FacetFilter } from './facet-filter.tsx';
import { isTypingTarget } from './use-keyboard-shortcuts.ts';

afterEach(cleanup);

const options = Array.from({ length: 12 }, (_, i) => ({ value: `ns-${i}`, count: 12 - i }));

function Harness({ onChange }: { onChange?: (v: string[]) => void }) {
  const [selected, setSelected] = useState<string[]>([]);
  return (
    <FacetFilter
      label="Namespace"
      options={options}
      selected={selected}
      maxShown={5}
      onChange={(v) => {
        setSelected(v);
        onChange?.(v);
      }}
    />
  );
}

describe('FacetFilter', () => {
  it('opens, narrows with its search, toggles values and closes on Escape', () => {
    const changes: string[][] = [];
    render(<Harness onChange={(v) => changes.push(v)} />);
    const button = screen.getByRole('button', { name: /Namespace/ });
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getAllByRole('checkbox')).toHaveLength(5);
    expect(screen.getByText('7 more: type to narrow the list')).toBeTruthy();
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'ns-11' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'ns-11' }));
    expect(changes).toEqual([['ns-11']]);
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: '' } });
    expect(screen.getAllByRole('checkbox')[0]?.getAttribute('aria-label')).toBe('ns-11'); // selected first
    expect(button.textContent).toContain('1');
    fireEvent.keyDown(screen.getByRole('group'), { key: 'Escape' });
    expect(screen.queryByRole('group')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('clears the selection', () => {
    const changes: string[][] = [];
    render(<Harness onChange={(v) => changes.push(v)} />);
    fireEvent.click(screen.getByRole('button', { name: /Namespace/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'ns-0' }));
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect(changes).toEqual([['ns-0'], []]);
  });
});

describe('isTypingTarget', () => {
  it('knows text fields from other controls', () => {
    const text = document.createElement('input');
    const box = document.createElement('input');
    box.type = 'checkbox';
    const area = document.createElement('textarea');
    const div = document.createElement('div');
    expect([text, box, area, div, null].map(isTypingTarget)).toEqual([true, false, true, false, false]);
  });
});
