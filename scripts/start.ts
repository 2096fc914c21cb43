// `pnpm start`: the whole relay in one process for a first run, a demo or a small site. Embedded defaults:
// a local redis-server (AOF under .data/) when REDIS_URL is unset, the eCall simulator when no eCall account is
// configured, and a generated API key when none is configured in demo mode. Production runs apps/api and
// apps/worker as separate processes (see docker-compose.yml).
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { loadApiConfig, startApi } from '@ecall-relay/api';
import { hasRedisServer, pingRedis, startRedisServer } from '@ecall-relay/local-redis';
import { createLogger } from '@ecall-relay/observability';
import { startSimulator } from '@ecall-relay/simulator';
import { loadWorkerConfig, startWorker } from '@ecall-relay/worker';

const env: Record<string, string | undefined> = { ...process.env };
const logger = createLogger({ name: 'relay', level: env.LOG_LEVEL ?? 'info' });
const closers: (() => Promise<void>)[] = [];
const banner: string[] = [];

if (!env.REDIS_URL) {
  if (await pingRedis('redis://127.0.0.1:6379', 300)) {
    env.REDIS_URL = 'redis://127.0.0.1:6379';
  } else if (hasRedisServer()) {
    const dir = join(process.cwd(), '.data', 'redis');
    const redis = await startRedisServer({ dir, appendfsync: 'everysec' });
    env.REDIS_URL = redis.url;
    closers.unshift(() => redis.stop());
    banner.push(`Redis: started a local redis-server at ${redis.url} (AOF, data in ${dir})`);
  } else {
    console.error(
      'No REDIS_URL is set and no redis-server is installed.\n' +
        'Either set REDIS_URL=redis://host:6379 or install Redis (Debian/Ubuntu: sudo apt-get install redis-server).',
    );
    process.exit(1);
  }
}

const demo = !env.ECALL_ACCOUNT_NAME;
if (demo) {
  const sim = await startSimulator({ port: Number(env.SIM_PORT ?? 4010), stepMs: 2_000 });
  closers.push(() => sim.close());
  env.ECALL_ENDPOINT = sim.endpoint;
  env.ECALL_ACCOUNT_NAME = 'demo';
  env.ECALL_ACCOUNT_PASSWORD = 'demo';
  env.RELAY_DEMO = 'true';
  banner.push(
    `DEMO MODE: no ECALL_ACCOUNT_NAME is set, so messages go to the eCall simulator at ${sim.endpoint}.`,
    '           Nothing reaches a real phone or fax. Set ECALL_ACCOUNT_NAME and ECALL_ACCOUNT_PASSWORD for eCall.',
  );
  // The simulator calls back like eCall does, so demo mode shows tracking by callback as well as by polling.
  if (!env.PUBLIC_BASE_URL) {
    env.PUBLIC_BASE_URL = `http://127.0.0.1:${env.PORT ?? 3000}`;
    env.CALLBACK_SECRET ??= randomBytes(24).toString('base64url');
  }
  if (!env.RELAY_API_KEYS && !env.RELAY_USERS_FILE) {
    const secret = randomBytes(18).toString('base64url');
    env.RELAY_API_KEYS = `demo:send+read+admin:${secret}`;
    banner.push(`API key (demo only, new each start): ${secret}   user "demo", roles send+read+admin`);
  }
}

const worker = await startWorker(loadWorkerConfig(env), { logger: logger.child({ app: 'worker' }) });
closers.unshift(() => worker.close());
const api = await startApi(loadApiConfig(env), { logger: logger.child({ app: 'api' }) });
closers.unshift(() => api.close());
banner.push(
  `API: ${api.url}   (OpenAPI: ${api.url}/openapi.json, docs: ${api.url}/docs, dashboard: ${api.url}/ui)`,
);
console.info(`\n${banner.map((line) => `  ${line}`).join('\n')}\n`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    for (const close of closers)
      await close().catch((error: unknown) => logger.error({ error }, 'shutdown step failed'));
    process.exit(0);
  });
}
