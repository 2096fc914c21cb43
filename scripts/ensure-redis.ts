// CI pre-flight: says which Redis the tests will use, and fails early when there can be none.
import { hasRedisServer, pingRedis } from '@ecall-relay/local-redis';

const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
if (await pingRedis(url)) {
  console.info(`[ci] Redis answers at ${url}`);
} else if (hasRedisServer()) {
  console.info(`[ci] nothing answers at ${url}; the tests will start their own redis-server`);
} else {
  console.error(`[ci] no Redis at ${url} and no redis-server binary: install redis-server`);
  process.exit(1);
}
