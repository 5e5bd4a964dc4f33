// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ProcessNode } from '../../engine/model/types.ts';
import { ProcessTree } from './process-tree.tsx';

afterEach(cleanup);

const roots: ProcessNode[] = [
  {
    name: 'shim',
    exe: ['/usr/bin/containerd-shim'],
    id: 'shim_0',
    euser: ['root'],
    children: [
      { name: 'nginx', exe: ['/usr/sbin/nginx'], id: 'nginx_0', children: [{ name: 'worker', exe: ['/usr/sbin/nginx'], id: 'nginx_1', euser: ['www-data'] }] },
      { name: 'sh', exe: ['/bin/sh'], id: 'sh_0', children: [{ name: '<script>alert(1)</script>', exe: ['/tmp/<b>x</b>'], id: 'evil_0' }] },
    ],
  },
];

const items = () => screen.getAllByRole('treeitem');
const item = (id: string) => document.querySelector<HTMLElement>(`[data-process-id="${id}"]`);

describe('ProcessTree', () => {
  it('opens the first levels, then collapses and expands all', () => {
    render(<ProcessTree roots={roots} label="tree" initialDepth={1} />);
    expect(items().map((i) => i.dataset.processId)).toEqual(['shim_0', 'nginx_0', 'sh_0']);
    fireEvent.click(screen.getByRole('button', { name: 'Expand all' }));
    expect(items()).toHaveLength(5);
    fireEvent.click(screen.getByRole('button', { name: 'Collapse all' }));
    expect(items()).toHaveLength(1);
    expect(item('shim_0')?.getAttribute('aria-expanded')).toBe('false');
  });

  it('toggles a node on click and with the arrow keys', () => {
    render(<ProcessTree roots={roots} label="tree" initialDepth={1} />);
    const nginx = item('nginx_0') as HTMLElement;
    fireEvent.click(within(nginx).getByText('nginx'));
    expect(nginx.getAttribute('aria-expanded')).toBe('true');
    expect(item('nginx_1')).not.toBeNull();
    nginx.focus();
    fireEvent.keyDown(nginx, { key: 'ArrowLeft' });
    expect(item('nginx_1')).toBeNull();
    fireEvent.keyDown(nginx, { key: 'ArrowRight' });
    expect(item('nginx_1')).not.toBeNull();
  });

  it('search opens the way to matches and counts them', () => {
    render(<ProcessTree roots={roots} label="tree" />);
    fireEvent.change(screen.getByLabelText('Search processes'), { target: { value: 'www-data' } });
    expect(screen.getByTestId('tree-matches').textContent).toBe('1 of 1 matches');
    expect(item('nginx_1')?.querySelector('.pt-match')).not.toBeNull();
    expect(item('sh_0')?.querySelector('.pt-dim')).not.toBeNull();
  });

  it('reveals and selects a process given from outside (network view link)', () => {
    render(<ProcessTree roots={roots} label="tree" focusId="evil_0" initialDepth={0} />);
    expect(item('evil_0')?.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(item('evil_0'));
  });

  it('renders names and paths as text', () => {
    render(<ProcessTree roots={roots} label="tree" focusId="evil_0" />);
    expect(screen.getByText('<script>alert(1)</script>')).toBeTruthy();
    expect(screen.getByText('/tmp/<b>x</b>')).toBeTruthy();
    expect(document.querySelector('.process-tree script, .process-tree b')).toBeNull();
  });
});
