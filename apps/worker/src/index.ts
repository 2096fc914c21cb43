export { loadWorkerConfig, type WorkerConfig, workerEnvSchema } from './config.ts';
export { type Logger, silentLogger } from './logger.ts';
export { type RunningWorker, type StartWorkerOptions, startWorker } from './main.ts';
export { type AccountProbeOptions, startAccountProbe } from './send/account-probe.ts';
export {
  type CallbackTarget,
  needsSendFax,
  type SendClient,
  submitToEcall,
  toTokenFields,
} from './send/ecall-call.ts';
export { createSendProcessor, type SendOutcome, type SendProcessorDeps } from './send/processor.ts';
export { type BackoffOptions, createBackoff, RetryLater } from './send/retry-later.ts';
export { type CallbackProcessorDeps, createCallbackProcessor } from './track/callbacks.ts';
export { createTrackProcessor, type TrackOutcome, type TrackProcessorDeps } from './track/processor.ts';
export { DEFAULT_POLL_SCHEDULE_MS, nextPollAt, parseSchedule } from './track/schedule.ts';
