import type { MessageStore } from '@ecall-relay/messages';
import type { Logger } from '../deps.ts';
import type { SendSchemas } from '../validation/send-schemas.ts';

/** What route handlers use: the resolved dependencies of the app. */
export interface RouteDeps {
  readonly store: MessageStore;
  readonly logger: Logger;
  readonly now: () => Date;
  readonly scheduleLeadMs: number;
  readonly schemas: SendSchemas;
}
