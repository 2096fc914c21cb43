import type { MessageStore } from '@ecall-relay/messages';
import type { Logger } from '../logger.ts';

/** Options of {@link startAccountProbe}. */
export interface AccountProbeOptions {
  readonly store: MessageStore;
  readonly logger: Logger;
  /** How often the pause is looked at. @defaultValue 5_000 */
  readonly everyMs?: number;
  readonly now?: () => number;
}

/**
 * While sending is paused for an account error, resumes the queue once the probe time has come, so that
 * messages flow again: the first one accepted lifts the pause for good; one more account error pauses again
 * with a new probe time. Every worker runs one; resuming twice is harmless.
 */
export function startAccountProbe(options: AccountProbeOptions): { stop(): void } {
  const now = options.now ?? Date.now;
  const timer = setInterval(async () => {
    try {
      const pause = await options.store.accountPause();
      if (pause && Date.parse(pause.probeAt) <= now()) {
        options.logger.warn(
          { code: pause.code, since: pause.since },
          'account pause: probing whether eCall accepts again',
        );
        await options.store.resumeQueue();
      }
    } catch (error) {
      options.logger.warn({ error: (error as Error).message }, 'account probe failed');
    }
  }, options.everyMs ?? 5_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
