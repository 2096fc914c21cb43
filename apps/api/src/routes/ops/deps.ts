import type { MessageStore } from '@ecall-relay/messages';
import type { Queue } from 'bullmq';
import type { Logger } from '../../deps.ts';

/** What the operations routes need: the store, the queues to report on, and whether the simulator answers. */
export interface OpsDeps {
  /** The message store (series, account pause, retries). */
  readonly store: MessageStore;
  /** The BullMQ queues whose depths the overview reports, by display name (usually `QUEUE_NAMES`' values). */
  readonly queues: Readonly<Record<string, Queue>>;
  /** True when the worker talks to the eCall simulator rather than to eCall (the dashboard says so). */
  readonly demo: boolean;
  /** Logs admin actions. @defaultValue a logger that drops everything */
  readonly logger?: Logger;
  /** The clock of retries' `createdAt`. @defaultValue () => new Date() */
  readonly now?: () => Date;
}
