// The part of @ecall-relay/messages that runs in a browser (the dashboard): no Node modules, no zod.
export { addressKey } from './address-key.ts';
export {
  CANCELABLE_STATUSES,
  CHANNELS,
  type Channel,
  MESSAGE_STATUSES,
  type MessageStatus,
  RECIPIENT_STATUSES,
  type RecipientStatus,
  SETTLED_STATUSES,
} from './statuses.ts';
