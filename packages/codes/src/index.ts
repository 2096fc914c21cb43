export { ACCOUNT_RESPONSE_CODES, classifyResponse, TRANSIENT_RESPONSE_CODES } from './classify-response.ts';
export { classifySendState, isReceptionConfirmed, SEND_STATE_OUTCOMES } from './classify-send-state.ts';
export { describeErrorState, describeResponse, describeSendState } from './describe.ts';
export { ERROR_STATES } from './error-states.ts';
export { FAX_ATTACHMENT_RULES, type FaxAttachmentType, isFaxAttachmentType } from './fax-attachments.ts';
export { describeJobType, JOB_TYPES, jobFamilyOf } from './job-types.ts';
export { RESPONSE_CODES } from './response-codes.ts';
export { SEND_STATES } from './send-states.ts';
export type {
  ClassifyOptions,
  CodeDescription,
  CodeEntry,
  JobFamily,
  ResponseClass,
  ResponseContext,
  SendOutcome,
  SendStateOutcome,
} from './types.ts';
