import { CHANNELS } from '@ecall-relay/messages';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../deps.ts';
import { validationHook } from '../../error-handler.ts';
import type { RouteDeps } from '../context.ts';
import { registerBatch } from './batch.ts';
import { registerCancelMessage } from './cancel.ts';
import { registerGetMessage } from './get.ts';
import { registerListMessages } from './list.ts';
import { registerSendChannel } from './send-channel.ts';

/** The message resource, mounted under `/v1`: sends, batch, read, list, cancel. */
export function messageRoutes(deps: RouteDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  for (const channel of CHANNELS) registerSendChannel(app, deps, channel);
  registerBatch(app, deps);
  registerListMessages(app, deps);
  registerGetMessage(app, deps);
  registerCancelMessage(app, deps);
  return app;
}
