import { describe, expect, it } from 'vitest';
import { quantile } from './load.ts';

describe('quantile (nearest rank)', () => {
  const sorted = Float64Array.from([0.21, 0.34, 0.5, 0.72, 1.9, 2.4, 3, 8.5, 12, 40]);

  it('reads sub-millisecond latencies as they are', () => {
    expect(quantile(sorted, 0.1)).toBe(0.21);
    expect(quantile(sorted, 0.5)).toBe(1.9);
  });

  it('takes the highest sample for a tail beyond the sample count, and the lowest for 0', () => {
    expect(quantile(sorted, 0.99)).toBe(40);
    expect(quantile(sorted, 0.9)).toBe(12);
    expect(quantile(sorted, 0)).toBe(0.21);
  });

  it('is 0 for no samples', () => {
    expect(quantile(new Float64Array(0), 0.5)).toBe(0);
  });
});
