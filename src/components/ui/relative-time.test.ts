import { describe, expect, it } from 'vitest';
import { formatExact, formatRelative } from './relative-time.tsx';

describe('relative time', () => {
  const now = Date.UTC(2026, 10, 25, 12, 0, 0);
  it('picks the largest sensible unit', () => {
    expect(formatRelative(now / 1000 - 3 * 3600, now)).toMatch(/3 hr\.? ago/);
    expect(formatRelative(now / 1000 - 2 * 86400, now)).toMatch(/2 days ago/);
    expect(formatRelative(now / 1000 - 10, now)).toMatch(/10 sec\.? ago/);
  });
  it('shows UTC in the exact form', () => {
    expect(formatExact(now / 1000)).toContain('UTC 2026-11-25 12:00:00');
  });
});
