import { FaultPlanner } from './fault-planner.ts';
import { InProgressCounter } from './in-progress.ts';
import type { Timeline } from './job-state.ts';
import { JobStore } from './job-store.ts';
import { Notifier } from './notifier.ts';
import type { SimConfig } from './options.ts';
import { Scheduler } from './scheduler.ts';
import { createStats, type SimCounters } from './stats.ts';

/** Everything the request handlers share: configuration, jobs, balances, counters, timers. */
export interface SimContext {
  readonly config: SimConfig;
  readonly timeline: Timeline;
  readonly jobs: JobStore;
  /** Remaining points per account. */
  readonly points: Map<string, number>;
  stats: SimCounters;
  /** The SOAP requests in progress, for `stats.soapInProgress`. */
  readonly inProgress: InProgressCounter;
  readonly faults: FaultPlanner;
  readonly scheduler: Scheduler;
  readonly notifier: Notifier;
  /** A number that grows with every stored job, to order jobs across accounts. */
  nextSeq: number;
}

/** Builds the shared state from resolved options. */
export function createContext(config: SimConfig): SimContext {
  const log = config.logger;
  const context: SimContext = {
    config,
    timeline: { stepMs: config.stepMs, failAddresses: config.failAddresses },
    jobs: new JobStore(),
    points: new Map([...config.accounts].map(([name, account]) => [name, account.points])),
    stats: createStats(),
    inProgress: new InProgressCounter(),
    faults: new FaultPlanner(config.faults, config.seed),
    scheduler: new Scheduler((error) =>
      log(`scheduler: ${error instanceof Error ? error.message : String(error)}`),
    ),
    notifier: new Notifier({
      onResult: (url, ok, detail) => {
        if (ok) context.stats.notificationsSent += 1;
        else context.stats.notificationsFailed += 1;
        // Only the target's origin and path: the query carries message text that has no place in logs.
        log(`callback ${ok ? 'ok' : 'failed'} ${url.split('?')[0] ?? ''} (${detail})`);
      },
    }),
    nextSeq: 1,
  };
  return context;
}

/** Back to the start: no jobs, fresh counters and balances, start faults and seed, no pending events. */
export function resetContext(context: SimContext): void {
  context.jobs.clear();
  context.scheduler.clear();
  context.stats = createStats();
  context.inProgress.reset();
  context.faults.reset();
  context.points.clear();
  for (const [name, account] of context.config.accounts) context.points.set(name, account.points);
}
