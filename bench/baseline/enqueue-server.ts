// The baseline of B1 and B4: the least an HTTP endpoint in front of BullMQ can do, with the same hono,
// @hono/node-server, ioredis and Redis as the api, so that the ratio shows what the relay's own work costs.
// Its /floor/sms route is B1's floor: the relay's durable write (MessageStore.create: record, history, indexes and
// send job) behind the same minimal endpoint, without the api's authentication, validation and middlewares.
import { createJobId, createMessageStore, QUEUE_NAMES } from '@ecall-relay/messages';
import { createAdaptorServer } from '@hono/node-server';
import { Queue } from 'bullmq';
import { Hono } from 'hono';
import { Redis } from 'ioredis';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = process.env.KEY_PREFIX ?? 'bench-baseline';
const port = Number(process.env.PORT ?? '0');

// Fail-fast options like the api's, so neither side queues commands while Redis is away.
const redis = new Redis(redisUrl, {
  enableOfflineQueue: false,
  maxRetriesPerRequest: 1,
  commandTimeout: 2_000,
});
await new Promise<void>((resolve) => redis.once('ready', () => resolve()));
const sendQueue = new Queue('baseline-send', { connection: redis, prefix });
const callbackQueue = new Queue('baseline-callbacks', { connection: redis, prefix });
const floorQueue = new Queue(QUEUE_NAMES.send, { connection: redis, prefix: `${prefix}-floor` });
const floorStore = createMessageStore({ redis, sendQueue: floorQueue, prefix: `${prefix}-floor` });

const app = new Hono();
app.post('/v1/sms', async (c) => {
  const job = await sendQueue.add('send', await c.req.json());
  return c.json({ id: job.id, status: 'queued' }, 202);
});
app.post('/floor/sms', async (c) => {
  const { to, text } = (await c.req.json()) as { to: string; text: string };
  const id = createJobId();
  const createdAt = new Date().toISOString();
  await floorStore.create([
    { id, request: { channel: 'sms', to: [to], text, createdAt, createdBy: 'bench' } },
  ]);
  return c.json({ id, status: 'queued' }, 202);
});
app.get('/v1/callbacks/ecall/:id/:sig', async (c) => {
  await callbackQueue.add('callback', { messageId: c.req.param('id'), params: c.req.query() });
  return c.text('OK', 200);
});

const server = createAdaptorServer({ fetch: app.fetch });
server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  console.log(`READY http://127.0.0.1:${bound}`);
});

process.once('SIGTERM', () => {
  server.close();
  void Promise.all([sendQueue.close(), callbackQueue.close(), floorQueue.close()])
    .then(() => redis.quit())
    .finally(() => process.exit(0));
});
