export { createJobId, jobIdLowerBound, jobIdTime } from './job-id.ts';
export { type StoreKeys, storeKeys } from './keys.ts';
export {
  CANCELABLE_STATUSES,
  CHANNELS,
  type Channel,
  type EventSource,
  type FaxOptions,
  faxOptionsSchema,
  type HistoryEvent,
  type InFlight,
  MESSAGE_STATUSES,
  type MessageRecord,
  type MessageRequest,
  type MessageState,
  type MessageStatus,
  messageRequestSchema,
  RECIPIENT_STATUSES,
  type RecipientState,
  type RecipientStatus,
  SETTLED_STATUSES,
  type StoredFile,
} from './model.ts';
export { QUEUE_NAMES, SEND_JOB_OPTIONS, type SendJobData, sendJobSchema } from './queues.ts';
export {
  type AccountPause,
  type CancelOutcome,
  createMessageStore,
  type IdempotencyClaim,
  type IdempotentAnswer,
  type ListFilter,
  type ListPage,
  MessageStore,
  type MessageStoreOptions,
  type NewMessage,
  type StateChange,
} from './store.ts';
