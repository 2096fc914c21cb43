import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../deps.ts';
import { SECURITY } from '../../openapi-common.ts';

const DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'ecall-relay API',
    version: '1.0.0',
    description:
      'A durable gateway in front of eCall (F24 Schweiz): send SMS, pager, fax and voice messages, follow them until eCall reports a final state. Every error answers with a faultInfo body.',
  },
  security: SECURITY,
  tags: [
    { name: 'messages', description: 'Send, read, list and cancel messages.' },
    { name: 'admin', description: 'Account pause state (role admin).' },
    { name: 'operations', description: 'Health.' },
  ],
};

/** Serves the OpenAPI 3.1 description, generated from the route definitions, at `/openapi.json` and `/swagger.json`. */
export function registerOpenApi(app: OpenAPIHono<AppEnv>): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'basicAuth', {
    type: 'http',
    scheme: 'basic',
    description: 'A user name and secret from RELAY_API_KEYS or RELAY_USERS_FILE.',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'The secret of a user as API key.',
  });
  app.doc31('/openapi.json', DOCUMENT);
  app.doc31('/swagger.json', DOCUMENT);
}
