import type { Result, Router } from 'hono/router';
import { TrieRouter } from 'hono/router/trie-router';

/** A path with neither a parameter nor a wildcard: the same method and path always match the same handlers. */
const isStaticPath = (path: string): boolean => !path.includes(':') && !path.includes('*');

/**
 * hono's TrieRouter, which remembers what each registered static path (no parameter, no wildcard) matches, per
 * method, the way hono's RegExpRouter keeps static paths in a map.
 *
 * The api's routes need the TrieRouter: RegExpRouter refuses a static segment beside a parameter
 * (`/v1/messages/batch` beside `/v1/messages/:id`) and the queue board's routes, and hono's default SmartRouter
 * then falls back to a TrieRouter for every request. Its search walks the tree, collects, sorts and copies the
 * handlers of every match on each call, about 2 KB of garbage for a `POST /v1/sms` (pnpm bench, B1). Only paths
 * that were registered are remembered, so the cache is as small as the route table, whatever paths callers send.
 * Matches are shared between requests, as RegExpRouter shares its static ones: hono only reads them.
 */
export class StaticCacheRouter<T> implements Router<T> {
  readonly name = 'StaticCacheRouter';
  readonly #trie = new TrieRouter<T>();
  readonly #staticPaths = new Set<string>();
  readonly #matches = new Map<string, Result<T>>();

  add(method: string, path: string, handler: T): void {
    this.#trie.add(method, path, handler);
    if (isStaticPath(path)) this.#staticPaths.add(path);
    // A route added later can change what any path matches.
    this.#matches.clear();
  }

  match(method: string, path: string): Result<T> {
    if (!this.#staticPaths.has(path)) return this.#trie.match(method, path);
    const key = `${method} ${path}`;
    let result = this.#matches.get(key);
    if (!result) {
      result = this.#trie.match(method, path);
      this.#matches.set(key, result);
    }
    return result;
  }
}
