import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis } from '../../../test/support/redis.ts';
import { packForLua } from './lua-pack.ts';

/** Unpacks with Redis's own cmsgpack and returns each element as Redis hands it back: bytes, or a number. */
const ECHO = `
local t = cmsgpack.unpack(ARGV[1])
local out = {}
for i = 1, #t do
  if type(t[i]) == 'number' then out[i] = {'n', tostring(t[i])} else out[i] = {'s', t[i]} end
end
return out
`;

describe('packForLua', () => {
  let redis: Redis;
  beforeAll(() => {
    redis = connectRedis();
  });
  afterAll(() => {
    redis.disconnect();
  });

  const unpack = async (values: Parameters<typeof packForLua>[0]) =>
    (await redis.callBuffer('EVAL', ECHO, '0', packForLua(values))) as [Buffer, Buffer][];

  it('hands Redis scripts every byte array and string unchanged, at every msgpack length class', async () => {
    // Every byte value, including what would be msgpack markers (0xc4 bin) and invalid UTF-8.
    const bytes = (n: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 37 + 0xc4) & 0xff));
    const lengths = [0, 1, 31, 32, 255, 256, 65_535, 65_536];
    const values = lengths.flatMap((n) => [bytes(n), 'é€x'.repeat(n).slice(0, n)]);
    const out = await unpack(values);
    expect(out).toHaveLength(values.length);
    for (const [i, value] of values.entries()) {
      const [type, got] = out[i] as [Buffer, Buffer];
      expect(type.toString()).toBe('s');
      expect(got.equals(Buffer.isBuffer(value) ? value : Buffer.from(value, 'utf8'))).toBe(true);
    }
  });

  it('hands Redis scripts integers as Lua numbers, at every msgpack width', async () => {
    const numbers = [0, 1, 127, 128, 255, 256, 65_535, 65_536, 0xffffffff];
    const out = await unpack(numbers);
    expect(out.map(([type, n]) => `${type}${n}`)).toEqual(numbers.map((n) => `n${n}`));
  });

  it('packs more elements than a Lua stack holds, as a call of many messages does', async () => {
    const values = Array.from({ length: 70_000 }, (_, i) => (i % 2 ? i : `m${i}`));
    const last = await redis.eval(
      'local t = cmsgpack.unpack(ARGV[1]); return {#t, t[#t]}',
      0,
      packForLua(values),
    );
    expect(last).toEqual([70_000, 69_999]);
  });

  it('refuses what it cannot pack faithfully', () => {
    expect(() => packForLua([-1])).toThrow(TypeError);
    expect(() => packForLua([1.5])).toThrow(TypeError);
    expect(() => packForLua([2 ** 32])).toThrow(TypeError);
    expect(() => packForLua([{} as never])).toThrow(TypeError);
  });
});
