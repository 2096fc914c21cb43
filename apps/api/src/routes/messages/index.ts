import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../deps.ts';
import { validationHook } from '../../error-handler.ts';
import type { RouteDeps } from '../context.ts';
import { registerBatch } from './batch.ts';
import { registerCancelMessage } from './cancel.ts';
import { registerGetMessage } from './get.ts';
import { registerListMessages } from './list.ts';
import { registerSendFax } from './send-fax.ts';
import { registerSendSms } from './send-sms.ts';
import { registerSendVoice } from './send-voice.ts';

/** The message resource, mounted under `/v1`: sends, batch, read, list, cancel. */
export function messageRoutes(deps: RouteDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  registerSendSms(app, deps);
  registerSendFax(app, deps);
  registerSendVoice(app, deps);
  registerBatch(app, deps);
  registerListMessages(app, deps);
  registerGetMessage(app, deps);
  registerCancelMessage(app, deps);
  return app;
}
