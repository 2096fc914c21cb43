/** The JSON of the api's operations endpoints (`/v1/ops/*`), as the dashboard reads it. */
import type { Role } from './types.ts';

/** Why sending is paused. */
export interface AccountPause {
  readonly code: number;
  readonly text: string;
  readonly since: string;
  readonly probeAt: string;
  readonly messageId?: string | undefined;
}

/** One minute of a series. */
export interface SeriesPoint {
  readonly minute: string;
  readonly count: number;
  readonly meanMs: number | null;
}

/** Depth of one queue. */
export interface QueueDepth {
  readonly waiting: number;
  readonly active: number;
  readonly delayed: number;
  readonly failed: number;
  readonly paused: boolean;
}

/** `GET /v1/ops/overview`. */
export interface Overview {
  readonly queues: Readonly<Record<string, QueueDepth>>;
  readonly accountPause: AccountPause | null;
  readonly demo: boolean;
  readonly series: { readonly accepted: readonly SeriesPoint[]; readonly final: readonly SeriesPoint[] };
}

/** `GET /v1/ops/session`. */
export interface Session {
  readonly user: { readonly name: string; readonly roles: readonly Role[] };
  readonly demo: boolean;
}
