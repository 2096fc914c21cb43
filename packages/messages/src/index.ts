export { addressKey } from './address-key.ts';
export { type JobAdd, JobAddBuilder } from './bullmq-add.ts';
export {
  callbackUrlFor,
  callbackUrlLength,
  ECALL_NOTIFICATION_LIMIT,
  verifyCallbackSignature,
} from './callback-url.ts';
export { coalesceWrites } from './coalesce-writes.ts';
export {
  DELIVERY_LOG_LIMIT,
  DELIVERY_OUTCOMES,
  type DeliveryAttempt,
  type DeliveryOutcome,
  deliveryLogKey,
  readDeliveries,
} from './deliveries.ts';
export { createJobId, jobIdLowerBound, jobIdTime } from './job-id.ts';
export { type StoreKeys, storeKeys } from './keys.ts';
export {
  type EventSource,
  type FaxOptions,
  faxOptionsSchema,
  type HistoryEvent,
  HOST_EVENT_TYPES,
  type HostEventDraft,
  type HostEventType,
  type InFlight,
  type MessageRecord,
  type MessageRequest,
  type MessageState,
  messageRequestSchema,
  type RecipientState,
  type Reply,
  type StoredFile,
} from './model.ts';
export {
  type CallbackJobData,
  callbackJobSchema,
  chunkJobId,
  QUEUE_NAMES,
  SEND_CHUNK_SIZE,
  SEND_JOB_OPTIONS,
  type SendJobData,
  sendJobSchema,
  TRACK_JOB_OPTIONS,
  type TrackJobData,
  trackJobSchema,
  WEBHOOK_DESTINATIONS,
  type WebhookDestination,
  type WebhookJobData,
  webhookJobSchema,
} from './queues.ts';
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
export {
  type AccountPause,
  type CancelOutcome,
  type ChangeEffects,
  createMessageStore,
  type IdempotencyClaim,
  type IdempotentAnswer,
  type ListFilter,
  type ListPage,
  MessageStore,
  type MessageStoreOptions,
  type NewMessage,
  type SeriesPoint,
  type StateChange,
  type UpdatedRecord,
} from './store.ts';
export {
  applyObservation,
  deriveMessageStatus,
  expireTracking,
  isFinalRecipient,
  JOB_TYPE_OF,
  type Observation,
  type TrackingChange,
} from './tracking.ts';
