import { describe, expect, it } from 'vitest';
import { MinHeap } from './min-heap.ts';
import { Scheduler } from './scheduler.ts';
import { waitFor } from './test-helpers.ts';

describe('MinHeap', () => {
  it('pops by time, ties in insertion order', () => {
    const heap = new MinHeap<string>();
    for (const [at, value] of [
      [5, 'e'],
      [1, 'a'],
      [3, 'c1'],
      [3, 'c2'],
      [2, 'b'],
      [9, 'z'],
    ] as const)
      heap.push(at, value);
    const out: (string | undefined)[] = [];
    while (heap.size > 0) out.push(heap.pop());
    expect(out).toEqual(['a', 'b', 'c1', 'c2', 'e', 'z']);
    expect(heap.pop()).toBeUndefined();
  });
});

describe('Scheduler', () => {
  it('runs events in time order with one timer, past events at once', async () => {
    const scheduler = new Scheduler(() => {});
    const ran: string[] = [];
    const now = Date.now();
    scheduler.schedule(now + 60, () => ran.push('late'));
    scheduler.schedule(now + 20, () => ran.push('early'));
    scheduler.schedule(now - 1000, () => ran.push('past'));
    await waitFor(() => (ran.length === 3 ? true : undefined));
    expect(ran).toEqual(['past', 'early', 'late']);
    expect(scheduler.size).toBe(0);
  });
  it('reports a throwing event and keeps running the others', async () => {
    const errors: unknown[] = [];
    const scheduler = new Scheduler((error) => errors.push(error));
    let ran = false;
    scheduler.schedule(Date.now(), () => {
      throw new Error('boom');
    });
    scheduler.schedule(Date.now(), () => {
      ran = true;
    });
    await waitFor(() => (ran ? true : undefined));
    expect(errors).toHaveLength(1);
  });
  it('drops pending events on close and refuses new ones', () => {
    const scheduler = new Scheduler(() => {});
    let ran = false;
    scheduler.schedule(Date.now() + 10, () => {
      ran = true;
    });
    scheduler.close();
    scheduler.schedule(Date.now(), () => {
      ran = true;
    });
    expect(scheduler.size).toBe(0);
    expect(ran).toBe(false);
  });
});
