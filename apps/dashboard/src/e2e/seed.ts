import { createJobId, type MessageStatus, type NewMessage } from '@ecall-relay/messages';
import { waitFor } from '../../../../test/support/wait.ts';
import { type Stack, USERS } from './stack.ts';

/** The messages the end-to-end test looks at, by what happens to them. */
export interface Seeded {
  readonly delivered: string;
  readonly failed: string;
  readonly rejected: string;
  readonly scheduled: string;
}

async function post(stack: Stack, path: string, body: unknown): Promise<string> {
  const res = await fetch(`${stack.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${USERS.ops.secret}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 202) throw new Error(`POST ${path} answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

/** Waits until the worker has moved a message to `status`. */
export function statusReached(stack: Stack, id: string, status: MessageStatus): Promise<true> {
  return waitFor(async () => (await stack.store.read(id))?.state.status === status, {
    what: `${id} ${status}`,
    timeoutMs: 20_000,
  });
}

/**
 * Old traffic first (`bulk` voice messages, held back an hour, in one `store.create`), so that the messages
 * under test sit on the first page: one the simulator delivers, one it fails (a number ending in 0000), one it
 * rejects (11100, an invalid address), and one scheduled two hours ahead. Resolves once the worker settled them.
 */
export async function seedMessages(stack: Stack, bulk: number): Promise<Seeded> {
  const old: NewMessage[] = Array.from({ length: bulk }, (_, i) => ({
    id: createJobId(),
    request: { channel: 'voice', to: ['0441234567'], text: `Bulk ${i}`, createdAt: new Date().toISOString() },
    delayMs: 3_600_000,
  }));
  await stack.store.create(old);
  const delivered = await post(stack, '/v1/sms', { to: '079 123 45 67', text: 'Fire alarm hall 3' });
  const failed = await post(stack, '/v1/sms', { to: '0791110000', text: 'Nobody home' });
  const rejected = createJobId();
  const createdAt = new Date().toISOString();
  await stack.store.create([
    { id: rejected, request: { channel: 'sms', to: ['12'], text: 'Broken number', createdAt } },
  ]);
  const scheduled = await post(stack, '/v1/sms', {
    to: '0791234500',
    text: 'Shift reminder',
    sendAt: new Date(Date.now() + 2 * 3_600_000).toISOString(),
  });
  await Promise.all([
    statusReached(stack, delivered, 'delivered'),
    statusReached(stack, failed, 'failed'),
    statusReached(stack, rejected, 'rejected'),
  ]);
  return { delivered, failed, rejected, scheduled };
}
