import { describe, expect, it } from 'vitest';
import {
  classifySearch,
  isoToLocalInput,
  listApiPath,
  listSearchOf,
  localInputToIso,
  parseListParams,
} from './list-query.ts';

const CURSOR = '01KAQ3R5Z8N6Y2W4T7V9X1B3C5';

describe('list parameters', () => {
  it('round-trips every filter through the page URL', () => {
    const params = parseListParams(
      `?recipient=079+123+45+67&status=failed&channel=sms&from=2026-03-20T10:00:00Z&to=2026-03-21T10:00:00.000Z&limit=25&cursor=${CURSOR}`,
    );
    expect(params).toEqual({
      recipient: '079 123 45 67',
      status: 'failed',
      channel: 'sms',
      from: '2026-03-20T10:00:00.000Z',
      to: '2026-03-21T10:00:00.000Z',
      limit: 25,
      cursor: CURSOR,
    });
    expect(parseListParams(listSearchOf(params))).toEqual(params);
  });

  it('drops what the api would refuse instead of failing the page', () => {
    expect(parseListParams('?status=lost&channel=pigeon&from=yesterday&limit=9999&cursor=zzz')).toEqual({
      limit: 50,
    });
    expect(parseListParams('?limit=0').limit).toBe(50);
  });

  it('leaves defaults out of the page URL but always asks the api for exactly one page', () => {
    expect(listSearchOf({ limit: 50 })).toBe('');
    expect(listApiPath({ limit: 50 })).toBe('/v1/messages?limit=50');
    expect(listApiPath({ limit: 100, status: 'rejected', cursor: CURSOR })).toBe(
      `/v1/messages?status=rejected&limit=100&cursor=${CURSOR}`,
    );
    expect(listApiPath({ limit: 50, recipient: '+41 79 123 45 67' })).toBe(
      '/v1/messages?recipient=%2B41+79+123+45+67&limit=50',
    );
  });
});

describe('classifySearch', () => {
  it('opens a message id directly, whatever its case', () => {
    expect(classifySearch(` ${CURSOR.toLowerCase()} `)).toEqual({ kind: 'id', id: CURSOR });
  });

  it.each(['0791234567', '+41 79 123 45 67', '074123456:1234', 'Pikett-Team'])(
    'treats %s as a recipient',
    (text) => {
      expect(classifySearch(text)).toEqual({ kind: 'recipient', recipient: text });
    },
  );

  it('finds nothing in blank input', () => {
    expect(classifySearch('  ')).toEqual({ kind: 'none' });
  });
});

describe('datetime-local inputs', () => {
  it('read as local time and written back the same', () => {
    const iso = localInputToIso('2026-03-20T11:45');
    expect(iso).toBe(new Date(2026, 2, 20, 11, 45).toISOString());
    expect(isoToLocalInput(iso)).toBe('2026-03-20T11:45');
  });

  it('are empty for nothing or nonsense', () => {
    expect(localInputToIso('')).toBeUndefined();
    expect(localInputToIso('soon')).toBeUndefined();
    expect(isoToLocalInput(undefined)).toBe('');
  });
});
