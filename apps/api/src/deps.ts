import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CallbackJobData, MessageStore } from '@ecall-relay/messages';
import type { CountableQueue, RelayMetrics } from '@ecall-relay/observability';
import type { Queue } from 'bullmq';
import type { User, UserDirectory } from './auth/user.ts';

/** A pino-compatible logger: the api logs structured objects with an optional message. */
export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
}

/** What a health check reports: overall state plus one entry per dependency. */
export interface HealthReport {
  readonly ok: boolean;
  readonly checks: Readonly<Record<string, 'up' | 'down'>>;
}

/** Everything {@link createApp} needs; the app itself connects nothing. */
export interface ApiDeps {
  /** The message store (Redis) that accepted messages are written to. */
  readonly store: MessageStore;
  /** Resolves the Authorization header to a user. */
  readonly users: UserDirectory;
  /** Structured logger; pass pino in production and {@link silentLogger} in tests. */
  readonly logger: Logger;
  /** Largest accepted request body. @defaultValue 83_886_080 (80 MiB: ten 5 MB attachments in base64) */
  readonly bodyLimitBytes?: number;
  /**
   * Characters of eCall's 100-character Notification field kept free for the relay's own callback URL.
   * @defaultValue 0
   */
  readonly notificationReserve?: number;
  /**
   * How long before `sendAt` a scheduled message is handed to eCall (with SendDate, so eCall still sends on
   * time); cancellation stays possible until then.
   * @defaultValue 300_000 (5 minutes)
   */
  readonly scheduleLeadMs?: number;
  /** The clock. @defaultValue () => new Date() */
  readonly now?: () => Date;
  /** Reports the state of the api's dependencies for `GET /health`. @defaultValue always healthy */
  readonly health?: () => Promise<HealthReport>;
  /** Readiness for `GET /readyz`: the api can do its job (Redis, and workers alive). @defaultValue `health` */
  readonly ready?: () => Promise<HealthReport>;
  /** eCall callbacks: the receiver is mounted, and the callback URL's length is kept free in `notify`. */
  readonly callbacks?: {
    readonly secret: string;
    readonly queue: Queue<CallbackJobData>;
    /** Where the receiver checks a callback's message id. @defaultValue `store` */
    readonly store?: Pick<MessageStore, 'exists'>;
    /** Characters the relay's own callback URL takes in eCall's notification field. */
    readonly urlLength: number;
  };
  /** Prometheus metrics served at `/metrics`, with the depths of `queues`. */
  readonly metrics?: RelayMetrics;
  readonly queues?: readonly CountableQueue[];
  /** The dashboard: its built files (served at `/ui`) and what its overview reports. Not mounted when absent. */
  readonly dashboard?: {
    readonly distDir: string;
    readonly queues: Readonly<Record<string, Queue>>;
    /** The worker sends to the eCall simulator (the dashboard says so). */
    readonly demo: boolean;
  };
  /** Queues shown to admins by bull-board at `/admin/queues` (not mounted when absent). */
  readonly boardQueues?: readonly Queue[];
}

/**
 * The hono environment of every route: the request id and, behind auth, the caller; served by
 * `@hono/node-server`, the Node request too (absent in `app.request()` tests).
 */
export interface AppEnv {
  Bindings: { readonly incoming?: IncomingMessage; readonly outgoing?: ServerResponse };
  Variables: {
    requestId: string;
    user: User;
  };
}

/** A logger that drops everything (tests). */
export const silentLogger: Logger = {
  info: () => {},
  warn: () => {},
  error: () => {},
  debug: () => {},
};
