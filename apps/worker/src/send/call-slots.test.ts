import { describe, expect, it } from 'vitest';
import { createCallSlots } from './call-slots.ts';

/** A call that stays open until the test settles it. */
function openCall<T>() {
  let settle!: { resolve: (value: T) => void; reject: (error: Error) => void };
  const promise = new Promise<T>((resolve, reject) => {
    settle = { resolve, reject };
  });
  return { promise, ...settle };
}

/** Lets every settled promise run its continuations. */
const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('call slots', () => {
  it('runs at most max calls at once and starts the waiting ones in the order they asked', async () => {
    const slots = createCallSlots(2);
    const calls = Array.from({ length: 5 }, () => openCall<number>());
    const started: number[] = [];
    const results = calls.map((call, i) =>
      slots.run(() => {
        started.push(i);
        return call.promise;
      }),
    );
    await flush();
    expect(started).toEqual([0, 1]);
    expect([slots.running, slots.waiting]).toEqual([2, 3]);

    calls[1]?.resolve(1);
    await flush();
    expect(started).toEqual([0, 1, 2]);
    calls[0]?.resolve(0);
    calls[2]?.resolve(2);
    await flush();
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect([slots.running, slots.waiting]).toEqual([2, 0]);

    calls[3]?.resolve(3);
    calls[4]?.resolve(4);
    expect(await Promise.all(results)).toEqual([0, 1, 2, 3, 4]);
    expect([slots.running, slots.waiting]).toEqual([0, 0]);
  });

  it('frees the slot of a call that fails, and passes its error on', async () => {
    const slots = createCallSlots(1);
    const failing = openCall<string>();
    const first = slots.run(() => failing.promise);
    const second = slots.run(async () => 'second ran');
    await flush();
    expect(slots.waiting).toBe(1);
    failing.reject(new Error('connection reset'));
    await expect(first).rejects.toThrow('connection reset');
    expect(await second).toBe('second ran');
    expect(slots.running).toBe(0);
  });

  it('frees the slot of a call that throws before it returns a promise', async () => {
    const slots = createCallSlots(1);
    await expect(
      slots.run(() => {
        throw new TypeError('bad request');
      }),
    ).rejects.toThrow('bad request');
    expect(await slots.run(async () => 'next')).toBe('next');
  });

  it('reports every change of the running and waiting counts', async () => {
    const seen: [number, number][] = [];
    const slots = createCallSlots(1, (running, waiting) => seen.push([running, waiting]));
    const first = openCall<void>();
    const done = [slots.run(() => first.promise), slots.run(async () => {})];
    await flush();
    first.resolve();
    await Promise.all(done);
    // first takes the slot, second waits, first hands it over, second gives it back.
    expect(seen).toEqual([
      [1, 0],
      [1, 1],
      [1, 0],
      [0, 0],
    ]);
  });

  it('refuses a bound that is not a positive integer', () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(() => createCallSlots(bad)).toThrow(RangeError);
  });
});
