import { afterEach, describe, expect, it } from 'vitest';
import { fromEcallDateTime, parseEcallTimestamp, toEcallDateTime } from './date-time.ts';

// 2025 transitions in Zurich: 30 March 01:00Z (02:00 CET -> 03:00 CEST),
// 26 October 01:00Z (03:00 CEST -> 02:00 CET, so 02:00-02:59 happens twice).

describe('toEcallDateTime', () => {
  it.each([
    ['2025-01-15T12:00:00Z', '2025-01-15 13:00:00'],
    ['2025-07-15T12:00:00Z', '2025-07-15 14:00:00'],
    ['2025-01-14T23:30:00Z', '2025-01-15 00:30:00'],
    ['2025-03-30T00:59:59Z', '2025-03-30 01:59:59'],
    ['2025-03-30T01:00:00Z', '2025-03-30 03:00:00'],
    ['2025-10-26T00:30:00Z', '2025-10-26 02:30:00'],
    ['2025-10-26T01:30:00Z', '2025-10-26 02:30:00'],
    ['2025-10-26T02:00:00Z', '2025-10-26 03:00:00'],
  ])('formats %s as Zurich wall time %s', (iso, local) => {
    expect(toEcallDateTime(new Date(iso))).toBe(local);
  });

  it('rejects an invalid Date', () => {
    expect(() => toEcallDateTime(new Date('nope'))).toThrow(RangeError);
  });
});

describe('fromEcallDateTime', () => {
  it.each([
    ['2025-01-15T13:00:00', '2025-01-15T12:00:00.000Z'],
    ['2025-07-15T14:00:00.123', '2025-07-15T12:00:00.123Z'],
    ['2025-07-15T14:00:00.1234567', '2025-07-15T12:00:00.123Z'],
    ['2025-07-15 14:00:00', '2025-07-15T12:00:00.000Z'],
    ['2025-03-30T01:59:59', '2025-03-30T00:59:59.000Z'],
    ['2025-03-30T03:00:00', '2025-03-30T01:00:00.000Z'],
    ['2025-10-26T01:59:59', '2025-10-25T23:59:59.000Z'],
    ['2025-10-26T03:00:00', '2025-10-26T02:00:00.000Z'],
    ['2025-07-15T12:00:00Z', '2025-07-15T12:00:00.000Z'],
  ])('reads %s as %s', (local, iso) => {
    expect(fromEcallDateTime(local)).toBe(iso);
  });

  it('reads the repeated autumn hour as the earlier (summer time) instant', () => {
    expect(fromEcallDateTime('2025-10-26T02:30:00')).toBe('2025-10-26T00:30:00.000Z');
  });

  it('reads a time skipped in spring with the winter offset', () => {
    expect(fromEcallDateTime('2025-03-30T02:30:00')).toBe('2025-03-30T01:30:00.000Z');
  });

  it.each(['0001-01-01T00:00:00', '', '   ', 'garbage', '2025-02-30T10:00:00', '2025-13-01T00:00:00'])(
    'gives null for %j',
    (text) => {
      expect(fromEcallDateTime(text)).toBeNull();
    },
  );

  it('inverts toEcallDateTime every 15 minutes across both 2025 transitions', () => {
    for (const day of ['2025-03-29T12:00:00Z', '2025-10-25T12:00:00Z']) {
      const start = Date.parse(day);
      for (let step = 0; step < 4 * 24; step += 1) {
        const instant = new Date(start + step * 900_000);
        const back = fromEcallDateTime(toEcallDateTime(instant).replace(' ', 'T'));
        const isSecondPassOfAutumnHour =
          instant.getTime() >= Date.parse('2025-10-26T01:00:00Z') &&
          instant.getTime() < Date.parse('2025-10-26T02:00:00Z');
        const expected = isSecondPassOfAutumnHour ? instant.getTime() - 3_600_000 : instant.getTime();
        expect(back).toBe(new Date(expected).toISOString());
      }
    }
  });
});

describe('parseEcallTimestamp', () => {
  it.each([
    ['15.01.2025 13:00:00', '2025-01-15T12:00:00.000Z'],
    ['30.03.2025 03:00:00', '2025-03-30T01:00:00.000Z'],
    ['26.10.2025 02:30:00', '2025-10-26T00:30:00.000Z'],
    ['26.10.2025 03:00:00', '2025-10-26T02:00:00.000Z'],
    ['1.7.2025 08:05:09', '2025-07-01T06:05:09.000Z'],
  ])('reads callback TimeStamp %s as %s', (timestamp, iso) => {
    expect(parseEcallTimestamp(timestamp)).toBe(iso);
  });

  it.each(['', '31.02.2025 10:00:00', '2025-01-15 13:00:00', '15.01.2025'])('gives null for %j', (text) => {
    expect(parseEcallTimestamp(text)).toBeNull();
  });
});

describe('independence from the process time zone', () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it('gives the same answers when the process runs in New York', () => {
    process.env.TZ = 'America/New_York';
    expect(new Date('2025-01-15T12:00:00Z').getHours()).toBe(7);
    expect(toEcallDateTime(new Date('2025-10-26T00:30:00Z'))).toBe('2025-10-26 02:30:00');
    expect(fromEcallDateTime('2025-10-26T02:30:00')).toBe('2025-10-26T00:30:00.000Z');
    expect(parseEcallTimestamp('30.03.2025 03:00:00')).toBe('2025-03-30T01:00:00.000Z');
  });
});
