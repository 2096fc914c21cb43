export { type WebhookEvent, webhookEvent } from './payload.ts';
export { createWebhookProcessor, type WebhookJobOutcome, type WebhookProcessorDeps } from './processor.ts';
export {
  createWebhookPublisher,
  type PublishableRecord,
  type WebhookPublisher,
  type WebhookPublisherDeps,
} from './publisher.ts';
export { SIGNATURE_HEADER, signWebhook, verifyWebhookSignature } from './signature.ts';
export {
  type RunningWebhookWorker,
  type StartWebhookWorkerOptions,
  startWebhookWorker,
  type WebhookOptions,
} from './worker.ts';
