export { liveWorkers, startHeartbeat } from './heartbeat.ts';
export { HTTP_DURATION_BUCKETS, HttpMetrics } from './http-metrics.ts';
export { type CreateLoggerOptions, createLogger, redactSecrets, SECRET_FIELD } from './logger.ts';
export {
  type CountableQueue,
  createRelayMetrics,
  QUEUE_STATES,
  type RelayMetrics,
  refreshQueueDepths,
} from './metrics.ts';
