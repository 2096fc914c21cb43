import { describe, expect, it } from 'vitest';
import { FIRST_PAGE, newerPage, olderPage, pageNumber, trailFromState } from './paging.ts';

describe('cursor paging', () => {
  it('walks three pages older and back to the first, one page at a time', () => {
    const two = olderPage(FIRST_PAGE, 'C2');
    const three = olderPage(two, 'C3');
    const four = olderPage(three, 'C4');
    expect([pageNumber(FIRST_PAGE), pageNumber(two), pageNumber(three), pageNumber(four)]).toEqual([
      1, 2, 3, 4,
    ]);
    expect(four).toEqual({ cursor: 'C4', trail: ['C2', 'C3'] });
    expect(newerPage(four)).toEqual(three);
    expect(newerPage(three)).toEqual(two);
    expect(newerPage(two)).toEqual(FIRST_PAGE);
    expect(newerPage(FIRST_PAGE)).toBeUndefined();
  });

  it('reads a trail from history state defensively', () => {
    expect(trailFromState({ trail: ['C2', 3, 'C3'] })).toEqual(['C2', 'C3']);
    expect(trailFromState(null)).toEqual([]);
    expect(trailFromState({ trail: 'C2' })).toEqual([]);
  });
});
