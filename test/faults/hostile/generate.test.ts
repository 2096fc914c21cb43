import { validateHeaderName, validateHeaderValue } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createPrng } from '../support/prng.ts';
import { generateHostile } from './generate.ts';
import { judge } from './tally.ts';
import { HOSTILE_CATEGORIES, type HostileRequest } from './types.ts';

const LIMIT = 64 * 1024;
const draw = (seed: number, count: number): HostileRequest[] => {
  const ctx = {
    prng: createPrng(seed),
    auth: 'Bearer k',
    readerAuth: 'Bearer r',
    callbackSecret: 'callback-secret-0123456789',
    bodyLimitBytes: LIMIT,
  };
  return Array.from({ length: count }, () => generateHostile(ctx));
};

describe('the hostile request generator', () => {
  it('draws every category, and the same requests for the same seed', () => {
    const first = draw(7, 2_000);
    expect(new Set(first.map((req) => req.category))).toEqual(new Set(HOSTILE_CATEGORIES));
    const again = draw(7, 2_000);
    expect(again.map((req) => `${req.method} ${req.path} ${req.body?.toString('hex')}`)).toEqual(
      first.map((req) => `${req.method} ${req.path} ${req.body?.toString('hex')}`),
    );
    expect(draw(8, 50).map((req) => req.path)).not.toEqual(first.slice(0, 50).map((req) => req.path));
  });

  it('only builds requests Node can send, with bodies of bounded size', () => {
    for (const req of draw(3, 2_000)) {
      for (const [name, value] of Object.entries(req.headers)) {
        expect(() => validateHeaderName(name)).not.toThrow();
        expect(() => validateHeaderValue(name, value)).not.toThrow();
      }
      expect(req.path.startsWith('/')).toBe(true);
      const max = req.category === 'oversized-body' ? LIMIT * 1.5 + 1_000 : 256 * 1024;
      expect(req.body?.length ?? 0).toBeLessThanOrEqual(max);
    }
  });
});

describe('judging an answer to a bad request', () => {
  const fault = JSON.stringify({ faultInfo: { errorCode: 3001, message: 'Invalid field to' } });
  it('passes only a 4xx with a faultInfo body', () => {
    expect(judge({ status: 400, contentType: 'application/json', body: fault, ms: 1 })).toBeUndefined();
    expect(judge({ status: 404, contentType: 'text/plain', body: 'Not Found', ms: 1 })).toBe('no faultInfo');
    expect(judge({ status: 202, contentType: 'application/json', body: '{}', ms: 1 })).toBe('not refused');
    expect(judge({ status: 500, contentType: 'application/json', body: fault, ms: 1 })).toBe('5xx');
    expect(judge({ error: 'socket hang up', ms: 1 })).toBe('no answer');
  });
});
