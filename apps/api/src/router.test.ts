import { TrieRouter } from 'hono/router/trie-router';
import { describe, expect, it } from 'vitest';
import { StaticCacheRouter } from './router.ts';

/** Routes like the api's: middleware wildcards, a static segment beside a parameter, a catch-all. */
const ROUTES: [string, string, string][] = [
  ['ALL', '*', 'observe'],
  ['GET', '/healthz', 'health'],
  ['ALL', '/v1/*', 'auth'],
  ['POST', '/v1/sms', 'sms'],
  ['POST', '/v1/messages/batch', 'batch'],
  ['GET', '/v1/messages/:id', 'get'],
  ['POST', '/v1/messages/:id/cancel', 'cancel'],
  ['GET', '/v1/messages', 'list'],
  ['GET', '/docs/:file', 'docs-file'],
  ['GET', '/docs/swagger-initializer.js', 'swagger'],
];

const REQUESTS: [string, string][] = [
  ['POST', '/v1/sms'],
  ['GET', '/v1/sms'],
  ['POST', '/v1/messages/batch'],
  ['GET', '/v1/messages/batch'],
  ['GET', '/v1/messages/01M99FHZX5W84A2WJ0BARWP6KW'],
  ['POST', '/v1/messages/01M99FHZX5W84A2WJ0BARWP6KW/cancel'],
  ['GET', '/v1/messages'],
  ['GET', '/docs/swagger-initializer.js'],
  ['GET', '/docs/index.css'],
  ['GET', '/healthz'],
  ['DELETE', '/nowhere'],
];

/** What a match selects: the handlers in order, with their parameters. */
function selected(result: ReturnType<TrieRouter<string>['match']>): [string, unknown][] {
  return result[0].map(([handler, params]) => [handler, { ...params }]);
}

function both(routes = ROUTES) {
  const trie = new TrieRouter<string>();
  const cached = new StaticCacheRouter<string>();
  for (const [method, path, handler] of routes) {
    trie.add(method, path, handler);
    cached.add(method, path, handler);
  }
  return { trie, cached };
}

describe('StaticCacheRouter', () => {
  it("matches every request as hono's TrieRouter does, the first time and every time after", () => {
    const { trie, cached } = both();
    for (let round = 0; round < 3; round++) {
      for (const [method, path] of REQUESTS) {
        expect(selected(cached.match(method, path)), `${method} ${path}`).toEqual(
          selected(trie.match(method, path)),
        );
      }
    }
    expect(selected(cached.match('POST', '/v1/sms')).map(([h]) => h)).toEqual(['observe', 'auth', 'sms']);
  });

  it('reuses the match of a registered static path and searches anew for any other path', () => {
    const { cached } = both();
    expect(cached.match('POST', '/v1/sms')).toBe(cached.match('POST', '/v1/sms'));
    expect(cached.match('GET', '/v1/sms')).not.toBe(cached.match('POST', '/v1/sms'));
    const id = '/v1/messages/01M99FHZX5W84A2WJ0BARWP6KW';
    expect(cached.match('GET', id)).not.toBe(cached.match('GET', id));
    expect(cached.match('GET', '/unknown')).not.toBe(cached.match('GET', '/unknown'));
  });

  it('forgets what it remembered when a route is added', () => {
    const { cached } = both();
    expect(selected(cached.match('POST', '/v1/sms')).map(([h]) => h)).toEqual(['observe', 'auth', 'sms']);
    cached.add('POST', '/v1/*', 'body');
    expect(selected(cached.match('POST', '/v1/sms')).map(([h]) => h)).toEqual([
      'observe',
      'auth',
      'sms',
      'body',
    ]);
  });
});
