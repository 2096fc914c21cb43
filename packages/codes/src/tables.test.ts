import { describe, expect, it } from 'vitest';
import { ERROR_STATES } from './error-states.ts';
import { JOB_TYPES } from './job-types.ts';
import { RESPONSE_CODES } from './response-codes.ts';
import { SEND_STATES } from './send-states.ts';
import type { CodeEntry } from './types.ts';

const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);
const keysOf = (table: Readonly<Record<number, CodeEntry>>): number[] =>
  Object.keys(table)
    .map(Number)
    .sort((a, b) => a - b);
const sorted = (codes: number[]): number[] => [...codes].sort((a, b) => a - b);

const ALL_TABLES: ReadonlyArray<readonly [string, Readonly<Record<number, CodeEntry>>]> = [
  ['RESPONSE_CODES', RESPONSE_CODES],
  ['JOB_TYPES', JOB_TYPES],
  ['SEND_STATES.sms', SEND_STATES.sms],
  ['SEND_STATES.voice', SEND_STATES.voice],
  ['SEND_STATES.fax', SEND_STATES.fax],
  ['ERROR_STATES.sms', ERROR_STATES.sms],
  ['ERROR_STATES.fax', ERROR_STATES.fax],
];

describe('code tables', () => {
  it('carry every ResponseCode row of the annex and no other', () => {
    const expected = [0, 11000, 11001, ...range(11100, 11105), ...range(11200, 11204), 11300, 11301, 11303]
      .concat(range(11400, 11403), range(11500, 11502), [11600, 11700, 11800, 11810])
      .concat(range(11904, 11908), range(11910, 11914), [11999]);
    expect(keysOf(RESPONSE_CODES)).toEqual(sorted(expected));
  });

  it('carry every JobType row of the annex', () => {
    expect(keysOf(JOB_TYPES)).toEqual([1, 2, 4, 5, 6]);
  });

  it('carry every SendState row of the annex per family', () => {
    expect(keysOf(SEND_STATES.sms)).toEqual([0, 1, 2, 3, 8, 9, 10]);
    expect(keysOf(SEND_STATES.voice)).toEqual(range(30, 39));
    expect(keysOf(SEND_STATES.fax)).toEqual(sorted([101, 201, 202, 301, 401, 402, 501, 41, 42, 43, 44]));
  });

  it('carry every ErrorState row of the annex per family', () => {
    const sms = [71, 1000, 1001, 5111, 5112, 5120, 5121, 5155, 5164, 5502, 5504, 5506, ...range(5509, 5514)];
    const fax = [6000, 6002, ...range(6004, 6007), ...range(6009, 6011), ...range(6013, 6017), 6900];
    expect(keysOf(ERROR_STATES.sms)).toEqual(sms);
    expect(keysOf(ERROR_STATES.fax)).toEqual(fax);
    expect(Object.keys(ERROR_STATES)).toEqual(['sms', 'fax']);
  });

  it.each(ALL_TABLES)('%s: every row has a non-empty name, English and French text', (_, table) => {
    for (const code of keysOf(table)) {
      const entry = table[code];
      expect(entry?.name.trim(), `name of ${code}`).not.toBe('');
      expect(entry?.en.trim(), `en of ${code}`).not.toBe('');
      expect(entry?.fr.trim(), `fr of ${code}`).not.toBe('');
    }
  });

  it.each(ALL_TABLES.filter(([label]) => label !== 'RESPONSE_CODES'))(
    '%s: identifiers are camelCase and unique within the table',
    (_, table) => {
      const names = keysOf(table).map((code) => table[code]?.name);
      for (const name of names) expect(name).toMatch(/^[a-z][A-Za-z]*$/);
      expect(new Set(names).size).toBe(names.length);
    },
  );

  it('use the ResponseText eCall returns as the ResponseCode name', () => {
    expect(RESPONSE_CODES[0].name).toBe('OK');
    expect(RESPONSE_CODES[11001].name).toBe('PermissionDenied');
    expect(RESPONSE_CODES[11401].name).toBe('CallSystemInvalidForUser');
    expect(RESPONSE_CODES[11910].name).toBe('Job not found in Log');
    expect(RESPONSE_CODES[11999].name).toBe('Unknown error');
  });
});
