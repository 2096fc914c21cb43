import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, pingRedis, startRedisServer } from './index.ts';

describe('local redis-server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'local-redis-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts a server that answers PING and stops it again', async () => {
    const server = await startRedisServer();
    expect(await pingRedis(server.url)).toBe(true);
    await server.stop();
    expect(await pingRedis(server.url, 300)).toBe(false);
  });

  it('keeps an append-only file in the given directory', async () => {
    const server = await startRedisServer({ dir, appendfsync: 'always' });
    await server.stop();
    expect(readdirSync(dir).join(' ')).toMatch(/appendonly/);
  });

  it('reports a port where nothing listens as not answering', async () => {
    expect(await pingRedis(`redis://127.0.0.1:${await freePort()}`, 300)).toBe(false);
  });
});
