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
      size += intSize(value);
    } else {
      const length = typeof value === 'string' ? Buffer.byteLength(value) : bytes(value).length;
      lengths[i] = length;
      size += strHeaderSize(length) + length;
    }
  }
  const out = Buffer.allocUnsafe(size);
  out[0] = 0xdd;
  out.writeUInt32BE(values.length, 1);
  let at = 5;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as LuaPackable;
    if (typeof value === 'number') {
      at = writeInt(out, at, value);
      continue;
    }
    const length = lengths[i] as number;
    at = writeStrHeader(out, at, length);
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

function intSize(value: number): number {
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
    throw new TypeError(`packForLua packs integers from 0 to 2^32-1, not ${value}`);
  }
  return value < 0x80 ? 1 : value < 0x100 ? 2 : value < 0x10000 ? 3 : 5;
}

function writeInt(out: Buffer, at: number, value: number): number {
  if (value < 0x80) {
    out[at] = value;
    return at + 1;
  }
  if (value < 0x100) {
    out[at] = 0xcc;
    out[at + 1] = value;
    return at + 2;
  }
  if (value < 0x10000) {
    out[at] = 0xcd;
    out.writeUInt16BE(value, at + 1);
    return at + 3;
  }
  out[at] = 0xce;
  out.writeUInt32BE(value, at + 1);
  return at + 5;
}

function strHeaderSize(length: number): number {
  return length < 32 ? 1 : length < 0x100 ? 2 : length < 0x10000 ? 3 : 5;
}

function writeStrHeader(out: Buffer, at: number, length: number): number {
  if (length < 32) {
    out[at] = 0xa0 | length;
    return at + 1;
  }
  if (length < 0x100) {
    out[at] = 0xd9;
    out[at + 1] = length;
    return at + 2;
  }
  if (length < 0x10000) {
    out[at] = 0xda;
    out.writeUInt16BE(length, at + 1);
    return at + 3;
  }
  out[at] = 0xdb;
  out.writeUInt32BE(length, at + 1);
  return at + 5;
}
