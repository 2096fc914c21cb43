import { type LocalRedisServer, pingRedis, startRedisServer } from '@ecall-relay/local-redis';

/**
 * Makes sure every test file has a Redis: the one at REDIS_URL (default 127.0.0.1:6379) when it answers,
 * otherwise a private redis-server on a free loopback port for the length of the run. Test files read
 * `process.env.REDIS_URL`, which forked workers inherit.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  let server: LocalRedisServer | undefined;
  if (await pingRedis(url)) {
    process.env.REDIS_URL = url;
  } else {
    server = await startRedisServer();
    process.env.REDIS_URL = server.url;
    console.info(`[tests] no Redis at ${url}; started one at ${server.url}`);
  }
  return async () => {
    await server?.stop();
  };
}
