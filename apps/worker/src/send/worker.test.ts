import { freePort } from '@ecall-relay/local-redis';
import {
  createJobId,
  createMessageStore,
  type MessageRequest,
  type MessageStatus,
  QUEUE_NAMES,
  type SendJobData,
} from '@ecall-relay/messages';
import { type Simulator, startSimulator } from '@ecall-relay/simulator';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connectRedis, deleteKeys, redisUrl, uniquePrefix } from '../../../../test/support/redis.ts';
import { waitFor } from '../../../../test/support/wait.ts';
import { loadWorkerConfig } from '../config.ts';
import { silentLogger } from '../logger.ts';
import { type RunningWorker, startWorker } from '../main.ts';

const at = () => new Date().toISOString();
/** The history of a message whose submission went unrecorded and that GetStateBasic then found at eCall. */
const FOUND_BY_CHECK = ['created', 'submitting', 'retrying', 'checked', 'accepted'];
const sms = (to = ['0041791234567'], text = 'Alarm: pump 3 stopped'): MessageRequest => ({
  channel: 'sms',
  to,
  text,
  createdAt: at(),
});

describe('send worker against the eCall simulator', () => {
  let sim: Simulator;
  let redis: Redis;
  let queue: Queue<SendJobData>;
  let prefix: string;
  let worker: RunningWorker | undefined;
  let store: ReturnType<typeof createMessageStore>;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, stepMs: 20, seed: 7 });
  });
  afterAll(async () => {
    await sim.close();
  });

  beforeEach(async () => {
    sim.reset();
    prefix = uniquePrefix('worker');
    redis = connectRedis();
    queue = new Queue<SendJobData>(QUEUE_NAMES.send, { connection: redis, prefix });
    store = createMessageStore({ redis, sendQueue: queue, prefix });
  });

  afterEach(async () => {
    await worker?.close();
    worker = undefined;
    await queue.close();
    await deleteKeys(redis, prefix);
    redis.disconnect();
  });

  async function start(env: Record<string, string> = {}) {
    const config = loadWorkerConfig({
      REDIS_URL: redisUrl(),
      KEY_PREFIX: prefix,
      ECALL_ENDPOINT: sim.endpoint,
      ECALL_ACCOUNT_NAME: 'demo',
      ECALL_ACCOUNT_PASSWORD: 'demo',
      ECALL_TIMEOUT_MS: '2000',
      AMBIGUOUS_GRACE_MS: '50',
      RETRY_BASE_MS: '50',
      RETRY_MAX_MS: '200',
      WORKER_CONCURRENCY: '5',
      METRICS_PORT: '0',
      ...env,
    });
    worker = await startWorker(config, { logger: silentLogger });
  }

  async function send(request: MessageRequest, files?: { fileName: string; contentBase64: string }[]) {
    const id = createJobId();
    await store.create([{ id, request, ...(files && { files }) }]);
    return id;
  }

  const statusOf = async (id: string) => (await store.read(id))?.state.status;
  const reaches = (id: string, status: MessageStatus, timeoutMs = 10_000) =>
    waitFor(async () => (await statusOf(id)) === status, { timeoutMs, what: `${id} ${status}` });

  it('submits each channel to the matching eCall operation and records the acceptance', async () => {
    await start();
    const pdf = Buffer.from('%PDF-1.4 test').toString('base64');
    const ids = {
      sms: await send({ ...sms(), from: 'ACME', flash: true }),
      faxBasic: await send({ channel: 'fax', to: ['0041441234567'], text: 'Lieferschein', createdAt: at() }),
      fax: await send(
        {
          channel: 'fax',
          to: ['0041441234567'],
          text: 'Rechnung',
          files: [{ fileName: 'r.pdf', size: 13 }],
          faxOptions: { maxRetries: 3 },
          createdAt: at(),
        },
        [{ fileName: 'r.pdf', contentBase64: pdf }],
      ),
      voice: await send({
        channel: 'voice',
        to: ['0041791234567'],
        text: 'Bonjour',
        language: 'FR',
        createdAt: at(),
      }),
    };
    for (const id of Object.values(ids)) await reaches(id, 'accepted');
    expect(sim.job(ids.sms)?.jobs[0]).toMatchObject({ operation: 'SendSMSBasic' });
    expect(sim.job(ids.faxBasic)?.jobs[0]).toMatchObject({ operation: 'SendFaxBasic' });
    expect(sim.job(ids.fax)?.jobs[0]).toMatchObject({ operation: 'SendFax' });
    expect(sim.job(ids.voice)?.jobs[0]).toMatchObject({ operation: 'SendVoiceBasic' });
    const record = await store.get(ids.sms);
    expect(record?.state).toMatchObject({ attempts: 1, lastCode: 0, lastText: 'OK', ambiguous: false });
    expect(record?.state.requestIds).toHaveLength(1);
    // The claim ends with the acceptance.
    expect(record?.state).not.toHaveProperty('inFlight');
    const { submittedAt = '', acceptedAt = '' } = record?.state ?? {};
    expect(Date.parse(acceptedAt)).toBeGreaterThanOrEqual(Date.parse(submittedAt));
    expect(record?.history.map((e) => e.type)).toEqual(['created', 'submitting', 'accepted']);
    expect(sim.stats()).toMatchObject({ accepted: 4, duplicates: 0 });
    expect(await queue.getJob(ids.sms)).toBeUndefined();
  });

  it('retries transient codes, in the call and then durably, and submits exactly once', async () => {
    await start();
    sim.setFaults({ script: ['11403', '11999', '11403', '11999', 'ok'] });
    const id = await send(sms());
    await reaches(id, 'accepted');
    const record = await store.get(id);
    expect(record?.state.attempts).toBe(5);
    // Three calls in the first attempt (the first and two in-call retries), then the durable retry's two.
    expect(record?.history.map((e) => e.type)).toEqual([
      'created',
      'submitting',
      'transient',
      'transient',
      'transient',
      'retrying',
      'submitting',
      'transient',
      'accepted',
    ]);
    expect(sim.stats()).toMatchObject({ submissions: 5, accepted: 1, duplicates: 0 });
  });

  it('after an answer lost in transit (accept-then-drop), finds the job with GetStateBasic instead of resending', async () => {
    await start();
    sim.setFaults({ script: ['accept-then-drop'] });
    const id = await send(sms());
    await reaches(id, 'accepted');
    const record = await store.get(id);
    expect(record?.history.map((e) => e.type)).toEqual(FOUND_BY_CHECK);
    expect(sim.stats()).toMatchObject({ submissions: 1, accepted: 1, duplicates: 0 });
  });

  it('after a connection dropped before eCall stored anything, checks, then sends again', async () => {
    await start();
    sim.setFaults({ script: ['drop'] });
    const id = await send(sms());
    await reaches(id, 'accepted');
    expect((await store.get(id))?.history.map((e) => e.type)).toEqual([
      'created',
      'submitting',
      'retrying',
      'checked',
      'submitting',
      'accepted',
    ]);
    expect(sim.stats()).toMatchObject({ accepted: 1, duplicates: 0 });
  });

  it('does not send again when eCall accepted but recording it failed: the next attempt checks first', async () => {
    // The check waits a second after the failure: time enough to repair Redis before it runs.
    await start({ AMBIGUOUS_GRACE_MS: '1000' });
    // A track queue whose id counter holds text makes BullMQ's add script fail before it writes anything, so
    // scheduling delivery tracking, the step between eCall's acceptance and recording it, is refused.
    const counter = `${prefix}:${QUEUE_NAMES.track}:id`;
    await redis.set(counter, 'not a number');
    const id = await send(sms());
    await waitFor(async () => (await statusOf(id)) === 'retrying', { what: `${id} retrying` });
    expect(sim.stats()).toMatchObject({ submissions: 1, accepted: 1 });
    await redis.del(counter);
    await reaches(id, 'accepted');
    const record = await store.get(id);
    expect(record?.history.map((e) => e.type)).toEqual(FOUND_BY_CHECK);
    expect(record?.history[2]?.detail).toMatch(/eCall accepted the message.*not be recorded/);
    expect(sim.stats()).toMatchObject({ submissions: 1, accepted: 1, duplicates: 0 });
  });

  it('rejects at once on a permanent code, with the code and its text', async () => {
    await start();
    const id = await send({ ...sms(['not a number!']) });
    await reaches(id, 'rejected');
    const record = await store.read(id);
    expect(record?.state).toMatchObject({ lastCode: 11100, attempts: 1 });
    expect(record?.state.recipients.every((r) => r.status === 'failed')).toBe(true);
    expect(sim.stats().submissions).toBe(1);
  });

  it('passes a scheduled SendDate through and counts eCall’s "job is scheduled" as accepted', async () => {
    await start();
    const id = await send({ ...sms(), sendAt: '2099-01-01T10:00:00+01:00', sendDate: '2099-01-01 10:00:00' });
    await reaches(id, 'accepted');
    expect((await store.read(id))?.state.lastCode).toBe(11912);
  });

  it('gives up after the retry deadline with the last code', async () => {
    await start({ RETRY_DEADLINE_HOURS: '0.0003' }); // about one second
    sim.setFaults({ rate11403: 1 });
    const id = await send(sms());
    await reaches(id, 'failed');
    expect((await store.read(id))?.state).toMatchObject({ lastCode: 11403 });
  });

  it('pauses the whole account on an account error and resumes when an admin says so', async () => {
    await start({ ECALL_ACCOUNT_PASSWORD: 'wrong', ACCOUNT_PROBE_INTERVAL_MS: '3600000' });
    const first = await send(sms());
    await reaches(first, 'paused');
    const second = await send(sms(['0041797654321']));
    expect(await store.accountPause()).toMatchObject({ code: 11001 });
    expect(await queue.isPaused()).toBe(true);
    expect(await statusOf(second)).toBe('queued');
    expect(sim.stats().submissions).toBe(1);
    // The admin fixes the password: here, a new worker with the right one.
    await worker?.close();
    await start();
    // The first message is held until the probe, an hour away: the resume itself must release it.
    await store.resumeAccount();
    await reaches(first, 'accepted');
    await reaches(second, 'accepted');
    expect(await store.accountPause()).toBeUndefined();
    expect(sim.stats()).toMatchObject({ accepted: 2, duplicates: 0 });
  });

  it('lets one message probe a paused account after the probe interval, and resumes on success', async () => {
    sim.setFaults({});
    await start({ ACCOUNT_PROBE_INTERVAL_MS: '300' });
    await store.pauseAccount({
      code: 11301,
      text: 'AccNoUnits',
      since: at(),
      probeAt: new Date(Date.now() + 300).toISOString(),
    });
    const id = await send(sms());
    await reaches(id, 'accepted', 15_000);
    expect(await store.accountPause()).toBeUndefined();
    expect(await queue.isPaused()).toBe(false);
  });

  it('writes host events only for messages that have somewhere to send them', async () => {
    await start(); // no HOST_WEBHOOK_URL
    const silent = await send(sms());
    // Port 9 (discard) on loopback: nothing listens, the delivery only fails and retries.
    const addressed = await send({ ...sms(), callbackUrl: 'http://127.0.0.1:9/hooks/sms' });
    await reaches(silent, 'accepted');
    await reaches(addressed, 'accepted');
    expect(await redis.exists(store.keys.outbox(silent))).toBe(0);
    const outbox = await redis.hgetall(store.keys.outbox(addressed));
    expect(Object.values(outbox).map((event) => JSON.parse(event).type)).toContain('message.accepted');
  });

  it('does not send a message canceled before the worker took it', async () => {
    const id = await send(sms());
    expect(await store.cancel(id)).toEqual({ outcome: 'canceled' });
    await start();
    const other = await send(sms());
    await reaches(other, 'accepted');
    expect(await statusOf(id)).toBe('canceled');
    expect(sim.job(id)).toBeUndefined();
  });

  it('serves Prometheus metrics with submissions by code and queue depths', async () => {
    const port = await freePort();
    await start({ METRICS_PORT: String(port), METRICS_HOST: '127.0.0.1' });
    sim.setFaults({ script: ['11403', 'ok'] });
    const id = await send(sms());
    await reaches(id, 'accepted');
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(text).toMatch(
      /relay_ecall_submissions_total\{operation="SendSMSBasic",code="11403",result="transient",app="worker"\} 1/,
    );
    expect(text).toMatch(
      /relay_ecall_submissions_total\{operation="SendSMSBasic",code="0",result="accepted",app="worker"\} 1/,
    );
    expect(text).toMatch(/relay_enqueue_to_accepted_seconds_count\{app="worker"\} 1/);
    expect(text).toContain('relay_queue_jobs{queue="ecall-send",state="waiting",app="worker"} 0');
    // Both calls went through a call slot and gave it back.
    expect(text).toContain('relay_ecall_calls{state="in_flight",app="worker"} 0');
    expect(text).toContain('relay_ecall_calls{state="waiting",app="worker"} 0');
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  });
});
