import { describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit.ts';

/** Items are names with a weight; the commit records each group and settles it when told to. */
function recorder(maxWeight = 4, sendWeight?: number) {
  const groups: string[][] = [];
  const settle: ((error?: Error) => void)[] = [];
  const commits = new GroupCommit<{ name: string; weight: number }>({
    commit: (group) => {
      groups.push(group.map((item) => item.name));
      return new Promise<void>((resolve, reject) => {
        settle.push((error) => (error ? reject(error) : resolve()));
      });
    },
    weight: (item) => item.weight,
    maxWeight,
    ...(sendWeight === undefined ? {} : { sendWeight }),
  });
  const run = (name: string, weight = 1) => commits.run({ name, weight });
  return { groups, settle, run, commits };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('GroupCommit', () => {
  it('writes what is asked in one turn in one call, in the order asked', async () => {
    const { groups, settle, run } = recorder();
    const done = Promise.all([run('a'), run('b'), run('c')]);
    await turn();
    expect(groups).toEqual([['a', 'b', 'c']]);
    settle[0]?.();
    await done;
  });

  it('closes a group at its weight limit without splitting an item, and sends an oversized item alone', async () => {
    const { groups, settle, run } = recorder(4);
    const done = Promise.all([run('a', 2), run('b', 2), run('c', 3), run('big', 9), run('d', 1)]);
    await turn();
    expect(groups).toEqual([['a', 'b'], ['c'], ['big'], ['d']]);
    for (const s of settle) s();
    await done;
  });

  it('rejects every caller of a failed call with its error, and no caller of another call', async () => {
    const { settle, run } = recorder(2);
    const results = Promise.allSettled([run('a'), run('b'), run('c')]);
    await turn();
    settle[0]?.(new Error('Redis refused the script'));
    settle[1]?.();
    expect(
      (await results).map((r) => (r.status === 'rejected' ? (r.reason as Error).message : 'ok')),
    ).toEqual(['Redis refused the script', 'Redis refused the script', 'ok']);
  });

  it('rejects the callers of a call that throws before it starts', async () => {
    const commits = new GroupCommit<string>({
      commit: () => {
        throw new Error('cannot build the call');
      },
      weight: () => 1,
      maxWeight: 10,
    });
    const results = await Promise.allSettled([commits.run('a'), commits.run('b')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });

  it('starts the next group for items asked while one is on its way', async () => {
    const { groups, settle, run } = recorder();
    const first = run('a');
    await turn();
    const second = run('b');
    await turn();
    // The first call has not answered, and the second is already out.
    expect(groups).toEqual([['a'], ['b']]);
    settle[1]?.();
    await second;
    settle[0]?.();
    await first;
  });

  it('sends a group as soon as it weighs sendWeight, before the turn ends, and the rest at the end', async () => {
    const { groups, settle, run } = recorder(10, 3);
    const done = Promise.all([run('a'), run('b', 2), run('c'), run('d')]);
    // Nothing has yielded yet: the first group is already out, the rest waits for the end of the turn.
    expect(groups).toEqual([['a', 'b']]);
    await turn();
    expect(groups).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    for (const s of settle) s();
    await done;
  });

  it('sends an item that alone weighs sendWeight at once, and leaves no timer behind', async () => {
    const { groups, settle, run } = recorder(10, 3);
    const first = run('batch', 5);
    expect(groups).toEqual([['batch']]);
    await turn();
    await turn();
    expect(groups).toEqual([['batch']]);
    settle[0]?.();
    await first;
    const next = run('e');
    await turn();
    expect(groups).toEqual([['batch'], ['e']]);
    settle[1]?.();
    await next;
  });

  it('settles each early group on its own: a failed one rejects only its callers', async () => {
    const { settle, run } = recorder(10, 2);
    const results = Promise.allSettled([run('a'), run('b'), run('c'), run('d')]);
    settle[1]?.(new Error('second group failed'));
    settle[0]?.();
    expect(
      (await results).map((r) => (r.status === 'rejected' ? (r.reason as Error).message : 'ok')),
    ).toEqual(['ok', 'ok', 'second group failed', 'second group failed']);
  });
});
