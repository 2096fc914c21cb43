import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { HonoAdapter } from '@bull-board/hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Queue } from 'bullmq';
import type { Hono } from 'hono';

/** Where bull-board is mounted. */
export const QUEUE_BOARD_PATH = '/admin/queues';

/**
 * bull-board (jobs per queue and state, retry, clean) for admins, for the rare case the dashboard does not
 * answer a question. The caller mounts it behind authentication with the admin role.
 */
export function queueBoardRoutes(queues: readonly Queue[]): Hono {
  const serverAdapter = new HonoAdapter(serveStatic).setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: queues.map((queue) => new BullMQAdapter(queue)),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'ecall-relay queues' } },
  });
  return serverAdapter.registerPlugin() as unknown as Hono;
}
