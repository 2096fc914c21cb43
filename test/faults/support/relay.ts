import { createJobId, type MessageStore } from '@ecall-relay/messages';
import type { Child } from './child.ts';
import { startChild } from './child.ts';

/** The eCall account of the simulator's default configuration. */
const ACCOUNT = { ECALL_ACCOUNT_NAME: 'demo', ECALL_ACCOUNT_PASSWORD: 'demo' } as const;

/** What every worker of the suite shares: quiet, no metrics port, polling out of the way. */
export interface WorkerSetup {
  readonly redisUrl: string;
  readonly prefix: string;
  readonly endpoint: string;
  /** Further worker variables (tuning), on top of the defaults here. */
  readonly env?: Record<string, string>;
}

/**
 * The environment of a worker process. Delivery tracking is pushed an hour out (`TRACK_SCHEDULE=1h`): these
 * tests measure submission, and GetStateBasic polls would blur the simulator's counts.
 */
export function workerEnv(setup: WorkerSetup): Record<string, string> {
  return {
    REDIS_URL: setup.redisUrl,
    KEY_PREFIX: setup.prefix,
    ECALL_ENDPOINT: setup.endpoint,
    ...ACCOUNT,
    LOG_LEVEL: 'silent',
    METRICS_PORT: '0',
    TRACK_SCHEDULE: '1h',
    ...setup.env,
  };
}

/** Starts `apps/worker/src/main.ts` as a child process. */
export function startWorkerProcess(setup: WorkerSetup): Child {
  return startChild('apps/worker/src/main.ts', workerEnv(setup));
}

/**
 * Stores `count` SMS messages with their send jobs, in batches (one create script call each), the way the api does;
 * resolves to their ids. Each text names its id, so the simulator's job can be matched to the message.
 */
export async function seedMessages(store: MessageStore, count: number, batch = 500): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < count; start += batch) {
    const chunk = Array.from({ length: Math.min(batch, count - start) }, () => createJobId());
    const createdAt = new Date().toISOString();
    await store.create(
      chunk.map((id) => ({
        id,
        request: { channel: 'sms', to: ['0041791234567'], text: `m ${id}`, createdAt },
      })),
    );
    ids.push(...chunk);
  }
  return ids;
}
