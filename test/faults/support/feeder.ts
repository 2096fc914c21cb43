import { createJobId, type MessageStore } from '@ecall-relay/messages';

/** A steady stream of new messages, written straight to the store as the api would. */
export interface Feeder {
  /** Ids stored so far, in order. */
  ids(): readonly string[];
  /** Resolves once `max` messages are stored or the feeder was stopped. */
  readonly done: Promise<void>;
  stop(): void;
}

const TICK_MS = 250;

/**
 * Stores `perSecond` SMS messages a second (in quarter-second batches) until `max` are stored. This is load,
 * not synchronisation: tests wait on what the relay does with the messages, never on the feeder's clock.
 * @throws Error (through `done`) when the store refuses a batch.
 */
export function startFeeder(store: MessageStore, options: { perSecond: number; max: number }): Feeder {
  const ids: string[] = [];
  const perTick = Math.max(1, Math.round((options.perSecond * TICK_MS) / 1000));
  let stopped = false;
  const done = (async () => {
    let next = Date.now();
    while (!stopped && ids.length < options.max) {
      const batch = Array.from({ length: Math.min(perTick, options.max - ids.length) }, () => createJobId());
      const createdAt = new Date().toISOString();
      await store.create(
        batch.map((id) => ({
          id,
          request: { channel: 'sms', to: ['0041791234567'], text: `m ${id}`, createdAt },
        })),
      );
      ids.push(...batch);
      next += TICK_MS;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - Date.now())));
    }
  })();
  return {
    ids: () => ids,
    done,
    stop: () => {
      stopped = true;
    },
  };
}
