import { describe, expect, it } from 'vitest';
import { resolveTarget } from './target.ts';

const basic = (pair: string) => `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`;

describe('webhook targets', () => {
  it('keeps the query for the request but not for the log', () => {
    expect(resolveTarget('https://erp.example/hooks?key=abc#x')).toEqual({
      url: 'https://erp.example/hooks?key=abc#x',
      shownUrl: 'https://erp.example/hooks',
    });
  });

  it('moves credentials from the URL into the Authorization header', () => {
    expect(resolveTarget('https://us%40er:p%3Ass@erp.example/hooks')).toEqual({
      url: 'https://erp.example/hooks',
      shownUrl: 'https://erp.example/hooks',
      authorization: basic('us@er:p:ss'),
    });
  });

  it('prefers configured credentials over those in the URL', () => {
    const target = resolveTarget('https://a:b@erp.example/', { username: 'relay', password: 'pw' });
    expect(target?.authorization).toBe(basic('relay:pw'));
    expect(target?.url).toBe('https://erp.example/');
  });

  it('refuses what is not an absolute http(s) URL', () => {
    for (const raw of ['', 'not a url', '/relative', 'ftp://erp.example/', 'mailto:ops@erp.example']) {
      expect(resolveTarget(raw)).toBeUndefined();
    }
  });
});
