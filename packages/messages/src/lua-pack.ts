/** What {@link packForLua} packs: text, raw bytes, and non-negative integers (counts and key numbers). */
export type LuaPackable = string | Uint8Array | number;

/**
 * Packs `values` as one msgpack array that a Redis script reads with `cmsgpack.unpack` into a Lua table, so
 * that a script call carries one argument instead of one per value: Redis parses, allocates and copies each
 * argument of a command, and ioredis serialises each one (pnpm bench, B2).
 *
 * Strings are packed as UTF-8, as ioredis sends them. Byte arrays are packed as msgpack `str` too, not `bin`:
 * Redis 7's cmsgpack refuses `bin` ("Bad data format"), and hands a `str` to Lua as its bytes unchanged, which is
 * what a script needs to pass on BullMQ's own packed arguments byte for byte. msgpackr always packs byte arrays
 * as `bin`, hence this small writer.
 *
 * @throws TypeError for a value that is none of {@link LuaPackable}, or a number that is negative, fractional or
 * not below 2^32.
 */
export function packForLua(values: readonly LuaPackable[]): Buffer {
  // Sizes first, so that everything is written into one buffer of the exact length.
  const lengths = new Uint32Array(values.length);
  let size = 5;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value === 'number') {
      size += headerSize(checkedInt(value), UINT);
    } else {
      const length = typeof value === 'string' ? Buffer.byteLength(value) : bytes(value).length;
      lengths[i] = length;
      size += headerSize(length, STR) + length;
    }
  }
  const out = Buffer.allocUnsafe(size);
  out[0] = 0xdd;
  out.writeUInt32BE(values.length, 1);
  let at = 5;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as LuaPackable;
    if (typeof value === 'number') {
      at = writeHeader(out, at, value, UINT);
      continue;
    }
    const length = lengths[i] as number;
    at = writeHeader(out, at, length, STR);
    if (typeof value === 'string') out.write(value, at, length, 'utf8');
    else out.set(value, at);
    at += length;
  }
  return out;
}

function bytes(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  throw new TypeError(`packForLua packs strings, byte arrays and integers, not ${typeof value}`);
}

function checkedInt(value: number): number {
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
    throw new TypeError(`packForLua packs integers from 0 to 2^32-1, not ${value}`);
  }
  return value;
}

/**
 * A msgpack type whose header carries a number (the integer itself, or a string's length): one byte
 * (`fixBase | n`) below `fixLimit`, otherwise a code for an 8-, 16- or 32-bit big-endian number that follows.
 */
interface Family {
  readonly fixLimit: number;
  readonly fixBase: number;
  readonly codes: readonly [number, number, number];
}
/** Non-negative integers: positive fixint, uint 8/16/32. */
const UINT: Family = { fixLimit: 0x80, fixBase: 0x00, codes: [0xcc, 0xcd, 0xce] };
/** Strings (and byte arrays, see packForLua): fixstr, str 8/16/32. */
const STR: Family = { fixLimit: 32, fixBase: 0xa0, codes: [0xd9, 0xda, 0xdb] };

function headerSize(n: number, family: Family): number {
  return n < family.fixLimit ? 1 : n < 0x100 ? 2 : n < 0x10000 ? 3 : 5;
}

function writeHeader(out: Buffer, at: number, n: number, family: Family): number {
  const [code8, code16, code32] = family.codes;
  if (n < family.fixLimit) {
    out[at] = family.fixBase | n;
    return at + 1;
  }
  if (n < 0x100) {
    out[at] = code8;
    out[at + 1] = n;
    return at + 2;
  }
  if (n < 0x10000) {
    out[at] = code16;
    out.writeUInt16BE(n, at + 1);
    return at + 3;
  }
  out[at] = code32;
  out.writeUInt32BE(n, at + 1);
  return at + 5;
}
