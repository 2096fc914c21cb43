import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDuration, formatRelative, statusLabel } from './format.ts';

describe('formatting', () => {
  it('writes local date and time in full', () => {
    const iso = new Date(2026, 2, 20, 3, 4, 5).toISOString();
    expect(formatDateTime(iso)).toBe('2026-03-20 03:04:05');
    expect(formatDateTime(undefined)).toBe('-');
  });

  it.each([
    [850, '850 ms'],
    [1234, '1.2 s'],
    [210_000, '3.5 min'],
    [7_200_000, '2.0 h'],
    [null, '-'],
  ])('writes %s ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('says how long ago or ahead an instant is', () => {
    const now = Date.parse('2026-03-20T12:00:00Z');
    expect(formatRelative('2026-03-20T11:59:48Z', now)).toBe('12 s ago');
    expect(formatRelative('2026-03-20T12:05:00Z', now)).toBe('in 5 min');
    expect(formatRelative('2026-03-17T12:00:00Z', now)).toBe('3 d ago');
  });

  it('writes statuses as words', () => {
    expect(statusLabel('partially_delivered')).toBe('partially delivered');
  });
});
