import { OpenAPIHono } from '@hono/zod-openapi';
import { authenticate } from './auth/middleware.ts';
import type { ApiDeps, AppEnv } from './deps.ts';
import { errorHandler, validationHook } from './error-handler.ts';
import { jsonBody } from './middleware/json-body.ts';
import { observe } from './middleware/observe.ts';
import { notFoundHandler } from './not-found.ts';
import { StaticCacheRouter } from './router.ts';
import { adminRoutes } from './routes/admin/index.ts';
import { ecallCallbackRoutes } from './routes/callbacks/ecall.ts';
import type { RouteDeps } from './routes/context.ts';
import { registerOpenApi } from './routes/docs/openapi.ts';
import { registerSwaggerUi } from './routes/docs/swagger-ui.ts';
import { registerHealth } from './routes/health.ts';
import { messageRoutes } from './routes/messages/index.ts';
import { opsRoutes } from './routes/ops/index.ts';
import { probeRoutes } from './routes/probes.ts';
import { QUEUE_BOARD_PATH, queueBoardRoutes } from './routes/queue-board.ts';
import { uiRoutes } from './routes/ui/index.ts';
import { VALIDATION_LIMITS } from './validation/limits.ts';
import { createSendSchemas } from './validation/send-schemas.ts';

/** 80 MiB: ten 5 MiB attachments in base64 (about 70 MB) plus the rest of the request. */
export const DEFAULT_BODY_LIMIT_BYTES = 80 * 1024 * 1024;
/** Scheduled messages go to eCall this long before their sendAt. */
export const DEFAULT_SCHEDULE_LEAD_MS = 5 * 60 * 1000;
/** A scheduled message must be sent this long before its record would expire. */
const RETENTION_MARGIN_MS = 60 * 60 * 1000;

/**
 * Builds the HTTP API: routes, auth, validation, errors and the OpenAPI description. It never listens and
 * connects nothing: serve `app.fetch` (see `startApi`) or call `app.request()` in tests.
 *
 * @throws Error when `notificationReserve` is not between 0 and 100.
 */
export function createApp(deps: ApiDeps): OpenAPIHono<AppEnv> {
  // The relay's callback URL shares eCall's notification field with the caller's addresses (plus a ';').
  const reserve = deps.notificationReserve ?? (deps.callbacks ? deps.callbacks.urlLength + 1 : 0);
  if (!Number.isInteger(reserve) || reserve < 0 || reserve > VALIDATION_LIMITS.notificationChars) {
    throw new Error('notificationReserve must be an integer from 0 to 100');
  }
  const now = deps.now ?? (() => new Date());
  const routeDeps: RouteDeps = {
    store: deps.store,
    logger: deps.logger,
    now,
    scheduleLeadMs: deps.scheduleLeadMs ?? DEFAULT_SCHEDULE_LEAD_MS,
    schemas: createSendSchemas({
      notifyMaxChars: VALIDATION_LIMITS.notificationChars - reserve,
      maxScheduleAheadMs: Math.max(0, deps.store.retentionMs - RETENTION_MARGIN_MS),
      now,
    }),
  };
  const maxSize = deps.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;

  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook, router: new StaticCacheRouter() });
  app.use('*', observe({ logger: deps.logger, metrics: deps.metrics }));
  app.route(
    '/',
    probeRoutes({
      ...((deps.ready ?? deps.health) && { ready: deps.ready ?? deps.health }),
      ...(deps.metrics && { metrics: deps.metrics }),
      ...(deps.queues && { queues: deps.queues }),
    }),
  );
  // The dashboard's files are public; every call it makes goes through /v1 with the user's credentials.
  if (deps.dashboard) app.route('/', uiRoutes({ distDir: deps.dashboard.distDir }));
  // eCall cannot authenticate: mounted before auth, the signed URL is the credential.
  if (deps.callbacks) {
    app.route(
      '/',
      ecallCallbackRoutes({
        store: deps.callbacks.store ?? deps.store,
        queue: deps.callbacks.queue,
        secret: deps.callbacks.secret,
        logger: deps.logger,
        now,
        ...(deps.metrics && { metrics: deps.metrics }),
      }),
    );
  }
  app.use('/v1/*', authenticate(deps.users));
  if (deps.boardQueues?.length) {
    app.use(`${QUEUE_BOARD_PATH}/*`, authenticate(deps.users));
    app.use(QUEUE_BOARD_PATH, authenticate(deps.users));
    app.route(QUEUE_BOARD_PATH, queueBoardRoutes(deps.boardQueues));
  }
  app.use('/v1/*', jsonBody(maxSize));
  if (deps.dashboard) {
    const { queues, demo } = deps.dashboard;
    app.route('/', opsRoutes({ store: deps.store, queues, demo, logger: deps.logger, now }));
  }
  app.route('/v1', messageRoutes(routeDeps));
  app.route('/v1/admin', adminRoutes(routeDeps));
  registerHealth(app, deps.health);
  registerOpenApi(app);
  registerSwaggerUi(app);
  app.onError(errorHandler(deps.logger));
  app.notFound(notFoundHandler(app));
  return app;
}
