import { describe, expect, it } from 'vitest';
import { ACCOUNT_RESPONSE_CODES, classifyResponse, TRANSIENT_RESPONSE_CODES } from './classify-response.ts';
import { RESPONSE_CODES } from './response-codes.ts';
import type { ResponseClass } from './types.ts';

const ALL_CODES = Object.keys(RESPONSE_CODES).map(Number);
const CLASSES: readonly ResponseClass[] = [
  'accepted',
  'transient',
  'account',
  'permanent',
  'pending',
  'not-found',
];

describe('classifyResponse in the send context', () => {
  it.each([0, 11912, 11913])('accepts %i', (code) => {
    expect(classifyResponse(code, 'send')).toBe('accepted');
  });

  it('treats 11600 as permanent unless the send retries an ambiguous submission', () => {
    expect(classifyResponse(11600, 'send')).toBe('permanent');
    expect(classifyResponse(11600, 'send', { afterAmbiguous: false })).toBe('permanent');
    expect(classifyResponse(11600, 'send', { afterAmbiguous: true })).toBe('accepted');
  });

  it.each([11403, 11999])('retries %i as transient', (code) => {
    expect(classifyResponse(code, 'send')).toBe('transient');
  });

  it.each([11001, 11300, 11301, 11303])('flags %i as an account-wide problem', (code) => {
    expect(classifyResponse(code, 'send')).toBe('account');
  });

  it.each([11910, 11000, 11100, 11204, 11401, 11904, 11911])('fails %i permanently', (code) => {
    expect(classifyResponse(code, 'send')).toBe('permanent');
  });

  it('never answers pending or not-found for a send', () => {
    for (const code of ALL_CODES)
      expect(['pending', 'not-found']).not.toContain(classifyResponse(code, 'send'));
  });
});

describe('classifyResponse in the state context', () => {
  it('reads 0 as accepted (the job was found), 11910 as not-found, 11912 and 11913 as pending', () => {
    expect(classifyResponse(0, 'state')).toBe('accepted');
    expect(classifyResponse(11910, 'state')).toBe('not-found');
    expect(classifyResponse(11912, 'state')).toBe('pending');
    expect(classifyResponse(11913, 'state')).toBe('pending');
  });

  it('keeps transient and account codes as in the send context', () => {
    for (const code of TRANSIENT_RESPONSE_CODES) expect(classifyResponse(code, 'state')).toBe('transient');
    for (const code of ACCOUNT_RESPONSE_CODES) expect(classifyResponse(code, 'state')).toBe('account');
  });

  it('treats 11600 and 11911 as permanent, even after an ambiguous send', () => {
    expect(classifyResponse(11600, 'state', { afterAmbiguous: true })).toBe('permanent');
    expect(classifyResponse(11911, 'state')).toBe('permanent');
  });
});

describe('classifyResponse options and totality', () => {
  it('exports the transient and account code lists of the spec', () => {
    expect(TRANSIENT_RESPONSE_CODES).toEqual([11403, 11999]);
    expect(ACCOUNT_RESPONSE_CODES).toEqual([11001, 11300, 11301, 11303]);
    expect(Object.isFrozen(TRANSIENT_RESPONSE_CODES)).toBe(true);
  });

  it('uses custom transientCodes instead of the defaults', () => {
    const options = { transientCodes: [11700] };
    expect(classifyResponse(11700, 'send', options)).toBe('transient');
    expect(classifyResponse(11700, 'state', options)).toBe('transient');
    expect(classifyResponse(11403, 'send', options)).toBe('permanent');
    expect(classifyResponse(11999, 'state', options)).toBe('permanent');
    expect(classifyResponse(11700, 'send')).toBe('permanent');
  });

  it('lets an empty transientCodes list make every code non-transient', () => {
    expect(classifyResponse(11403, 'send', { transientCodes: [] })).toBe('permanent');
  });

  it.each([12345, -1, Number.NaN, 1.5, Number.POSITIVE_INFINITY, 0.5])(
    'answers permanent for unknown %s',
    (code) => {
      expect(classifyResponse(code, 'send')).toBe('permanent');
      expect(classifyResponse(code, 'state')).toBe('permanent');
      expect(classifyResponse(code, 'send', { afterAmbiguous: true })).toBe('permanent');
    },
  );

  it('gives every table code a defined class in both contexts', () => {
    for (const code of ALL_CODES) {
      expect(CLASSES).toContain(classifyResponse(code, 'send'));
      expect(CLASSES).toContain(classifyResponse(code, 'state'));
    }
  });
});
