import { describe, expect, it } from 'vitest';
import { createJobId, jobIdLowerBound, jobIdTime } from './job-id.ts';

describe('createJobId', () => {
  it('makes URL-safe ids within eCall’s 50 characters', () => {
    const id = createJobId();
    expect(id).toMatch(/^[0-9A-Z]{26}$/);
    expect(encodeURIComponent(id)).toBe(id);
  });

  it('makes ids that sort in creation order, even within one millisecond', () => {
    const ids = Array.from({ length: 5_000 }, () => createJobId());
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('encodes its creation time, and time bounds order around it', () => {
    const at = Date.UTC(2026, 10, 23, 9, 30);
    const id = createJobId(at);
    expect(jobIdTime(id)).toBe(at);
    expect(jobIdLowerBound(at) <= id).toBe(true);
    expect(jobIdLowerBound(at + 1) > id).toBe(true);
    expect(jobIdTime('not-an-id')).toBeUndefined();
  });
});
