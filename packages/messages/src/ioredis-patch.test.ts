import { Command } from 'ioredis';
import { describe, expect, it } from 'vitest';

// patches/ioredis@5.11.1.patch: ioredis flattens a command's arguments without Array.prototype.flat, whose cost per
// argument made it the largest piece of the worker's client-side work for the store's scripts (patches/README.md).
describe('the patched ioredis', () => {
  it('is the one installed', () => {
    expect(Command.toString()).toContain('flattenArgs(args)');
    expect(Command.toString()).not.toContain('args.flat()');
  });

  it('flattens arguments exactly as Array.prototype.flat does: one level, holes skipped', () => {
    // Holes, at both levels: ['1', <hole>, ['2', <hole>, '3'], '4'].
    const inner: unknown[] = [];
    inner[0] = '2';
    inner[2] = '3';
    const holes: unknown[] = [];
    holes[0] = '1';
    holes[2] = inner;
    holes[3] = '4';
    const cases: unknown[][] = [['sha', '2', ['k1', 'k2'], ['a', 'b']], holes, [], [[]], ['x']];
    for (const args of cases) {
      const command = new Command('evalsha', args as ConstructorParameters<typeof Command>[1]);
      expect(command.args).toEqual(args.flat());
    }
  });
});
