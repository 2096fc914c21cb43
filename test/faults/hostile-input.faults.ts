import { createMessageStore, QUEUE_NAMES, type SendJobData } from '@ecall-relay/messages';
import { type Simulator, startSimulator } from '@ecall-relay/simulator';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, deleteKeys, redisUrl, uniquePrefix } from '../support/redis.ts';
import { waitFor } from '../support/wait.ts';
import { runHostile } from './hostile/client.ts';
import { generateHostile } from './hostile/generate.ts';
import { createTally, type HostileTally } from './hostile/tally.ts';
import { type ApiProcess, startApiProcess } from './support/api-process.ts';
import type { Child } from './support/child.ts';
import { printFigures, seconds } from './support/figures.ts';
import { createPrng } from './support/prng.ts';
import { startWorkerProcess } from './support/relay.ts';
import { byScale, faultScale } from './support/scale.ts';
import { listKeys } from './support/store-state.ts';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy.ts';
import { soapMessageText } from './support/xml-text.ts';

const REQUESTS = byScale({ full: 10_000, ci: 1_000 });
const SEED = 44;
const KEY = 'hostile-ops-key-0123456789';
const READER_KEY = 'hostile-reader-key-0123456789';
const CALLBACK_SECRET = 'hostile-callback-secret-0123456789';
const BODY_LIMIT_BYTES = 1024 * 1024;
/** Valid text that looks like SOAP: it must reach eCall as these characters, not as XML. */
const INJECTED_TEXT =
  '</Message><Address>0041790000000</Address><AccountPassword>x</AccountPassword>' +
  '<![CDATA[ ]]> &amp; &lt; &#60; <!DOCTYPE x [<!ENTITY e "boom">]>&e;';

describe('F4: hostile input against a running api process', () => {
  const prefix = uniquePrefix('faults-hostile');
  const redis = connectRedis();
  const sendQueue = new Queue<SendJobData>(QUEUE_NAMES.send, { connection: redis, prefix });
  const callbackQueue = new Queue(QUEUE_NAMES.callbacks, { connection: redis, prefix });
  let api: ApiProcess;
  let sim: Simulator | undefined;
  let proxy: TcpProxy | undefined;
  let worker: Child | undefined;

  beforeAll(async () => {
    api = await startApiProcess({
      REDIS_URL: redisUrl(),
      KEY_PREFIX: prefix,
      RELAY_API_KEYS: `ops:send+read+admin:${KEY},reader:read:${READER_KEY}`,
      BODY_LIMIT_BYTES: String(BODY_LIMIT_BYTES),
      PUBLIC_BASE_URL: 'http://127.0.0.1:9',
      CALLBACK_SECRET,
    });
  });
  afterAll(async () => {
    await worker?.stop('SIGKILL');
    await api?.child.stop('SIGKILL');
    await proxy?.close();
    await sim?.close();
    await Promise.all([sendQueue.close(), callbackQueue.close()]);
    await deleteKeys(redis, prefix);
    redis.disconnect();
  });

  it('refuses every bad request with a 4xx faultInfo, never crashes, stores nothing', {
    timeout: byScale({ full: 15 * 60_000, ci: 120_000 }),
  }, async () => {
    const keysBefore = await listKeys(redis, prefix);
    const prng = createPrng(SEED);
    const ctx = {
      prng,
      auth: `Bearer ${KEY}`,
      readerAuth: `Bearer ${READER_KEY}`,
      callbackSecret: CALLBACK_SECRET,
      bodyLimitBytes: BODY_LIMIT_BYTES,
    };
    const tally = createTally();
    const started = Date.now();
    await runHostile(api.url, REQUESTS, () => generateHostile(ctx), tally.add);
    const durationMs = Date.now() - started;
    const result = tally.result();
    const healthy = await api.healthy();
    const keysAfter = await listKeys(redis, prefix);
    const stored = await redis.zcard(`${prefix}:idx:all`);
    const jobs = sum(await sendQueue.getJobCounts()) + sum(await callbackQueue.getJobCounts());
    printHostile(result, { durationMs, healthy, alive: api.child.alive(), stored, jobs });
    if (result.samples.length) console.log(result.samples.join('\n'));
    expect(result.sent).toBe(REQUESTS);
    expect(result.violations).toEqual({});
    expect(api.child.alive()).toBe(true);
    expect(healthy).toBe(true);
    expect(stored).toBe(0);
    expect(jobs).toBe(0);
    expect(keysAfter).toEqual(keysBefore);
  });

  it('accepts SOAP-looking text and hands it to eCall as literal characters', {
    timeout: 120_000,
  }, async () => {
    const res = await fetch(`${api.url}/v1/sms`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ to: '0041791234567', text: INJECTED_TEXT }),
    });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    sim = await startSimulator({ port: 0, seed: SEED });
    // The proxy keeps the bytes the worker sends, to read the SOAP request as eCall receives it.
    proxy = await startTcpProxy(sim.port, { record: true });
    worker = startWorkerProcess({ redisUrl: redisUrl(), prefix, endpoint: `${proxy.url}/eCall.asmx` });
    const store = createMessageStore({ redis, sendQueue, prefix });
    await waitFor(async () => (await store.read(id))?.state.status === 'accepted', {
      timeoutMs: 90_000,
      what: 'the worker to submit the message',
    });
    const request = proxy
      .recorded()
      .map((bytes) => bytes.toString('utf8'))
      .find((text) => text.includes(id) && /SendSMSBasic/.test(text));
    const jobs = sim.job(id)?.jobs ?? [];
    expect(soapMessageText(request ?? '')).toBe(INJECTED_TEXT);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.recipients.map((r) => r.address)).toEqual(['0041791234567']);
  });
});

function sum(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

function printHostile(
  result: HostileTally,
  run: { durationMs: number; healthy: boolean; alive: boolean; stored: number; jobs: number },
): void {
  const entries = (record: Record<string, number | undefined>) =>
    Object.entries(record)
      .map(([name, n]) => `${name}=${n ?? 0}`)
      .join(' ');
  printFigures(`F4 hostile input (${faultScale()} scale, seed ${SEED})`, [
    ['requests', result.sent],
    ['duration', seconds(run.durationMs)],
    ['requests/s', (result.sent * 1000) / run.durationMs],
    ['answers by status', entries(result.byStatus)],
    ['requests by category', entries(result.byCategory)],
    ['violations', entries(result.violations) || 'none'],
    ['slowest answer', `${result.slowestMs} ms`],
    ['api process alive / healthz', `${run.alive} / ${run.healthy}`],
    ['messages stored / jobs added', `${run.stored} / ${run.jobs}`],
  ]);
}
