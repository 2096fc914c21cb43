import { describeErrorState, describeResponse, describeSendState } from '@ecall-relay/codes';
import {
  CHANNELS,
  type Channel,
  type DeliveryAttempt,
  MESSAGE_STATUSES,
  type MessageRecord,
  RECIPIENT_STATUSES,
  type RecipientState,
} from '@ecall-relay/messages';
import { z } from '@hono/zod-openapi';

const optionalInt = z.number().int().optional();

const recipientViewSchema = z.object({
  address: z.string(),
  status: z.enum(RECIPIENT_STATUSES),
  updatedAt: z.string(),
  sendState: optionalInt,
  sendStateText: z.string().optional(),
  errorState: optionalInt,
  errorStateText: z.string().optional(),
  pointsUsed: z.number().optional(),
  finishDate: z.string().nullable().optional(),
});

const historyEventSchema = z.object({
  at: z.string(),
  type: z.string(),
  source: z.enum(['api', 'worker', 'callback', 'poll', 'admin']),
  status: z.enum(MESSAGE_STATUSES).optional(),
  address: z.string().optional(),
  recipientStatus: z.enum(RECIPIENT_STATUSES).optional(),
  code: optionalInt,
  text: z.string().optional(),
  requestId: z.string().optional(),
  clientRequestId: z.string().optional(),
  attempt: optionalInt,
  sendState: optionalInt,
  errorState: optionalInt,
  pointsUsed: z.number().optional(),
  finishDate: z.string().optional(),
  detail: z.string().optional(),
});

/** A message as `GET /v1/messages/{id}` shows it; attachment bodies are never part of it. */
export const messageViewSchema = z
  .object({
    id: z.string(),
    channel: z.enum(CHANNELS),
    status: z.enum(MESSAGE_STATUSES),
    to: z.array(z.string()),
    text: z.string(),
    options: z.record(z.string(), z.unknown()).openapi({
      description:
        'The eCall options given (from, sendAt, sendDate, notify, attachments as name and size, ...).',
    }),
    recipients: z.array(recipientViewSchema),
    attempts: z.number().int(),
    lastCode: optionalInt,
    lastText: z.string().optional().openapi({ description: 'The ResponseText eCall sent with lastCode.' }),
    lastDescription: z.string().optional().openapi({ description: 'English description of lastCode.' }),
    requestIds: z
      .array(z.string())
      .openapi({ description: "eCall's x-f24-request-id of the latest calls (support asks for them)." }),
    history: z.array(historyEventSchema).optional(),
    createdAt: z.string(),
    createdBy: z.string().optional(),
    updatedAt: z.string(),
    submittedAt: z.string().optional(),
    acceptedAt: z.string().optional(),
    finalAt: z.string().optional(),
    nextAttemptAt: z.string().optional(),
    metadata: z.record(z.string(), z.unknown()).optional(),
    replies: z
      .array(
        z.object({
          from: z.string(),
          to: z.string(),
          text: z.string(),
          at: z.string(),
          receivedAt: z.string(),
        }),
      )
      .optional()
      .openapi({ description: 'Replies recipients sent to the SMS (eCall Answer callbacks), oldest first.' }),
    deliveries: z
      .array(
        z.object({
          seq: z.number().int(),
          type: z.string(),
          destination: z.string(),
          url: z.string(),
          attempt: z.number().int(),
          at: z.string(),
          status: z.number().int().optional(),
          outcome: z.string(),
          error: z.string().optional(),
          faultCode: z.number().optional(),
          faultMessage: z.string().optional(),
          durationMs: z.number(),
          nextAttemptAt: z.string().optional(),
        }),
      )
      .optional()
      .openapi({ description: 'Attempts to deliver result events to the host system (newest last).' }),
    links: z.object({ self: z.string() }),
  })
  .openapi('Message');

/** The view of a message returned by the read endpoints. */
export type MessageView = z.output<typeof messageViewSchema>;

/** eCall JobType of each channel, which picks the SendState and ErrorState tables. */
const JOB_TYPES: Record<Channel, number> = { sms: 1, voice: 5, fax: 6 };

function recipientView(jobType: number, r: RecipientState): MessageView['recipients'][number] {
  return {
    address: r.address,
    status: r.status,
    updatedAt: r.updatedAt,
    ...(r.sendState === undefined
      ? {}
      : { sendState: r.sendState, sendStateText: describeSendState(jobType, r.sendState).en }),
    ...(r.errorState === undefined
      ? {}
      : { errorState: r.errorState, errorStateText: describeErrorState(jobType, r.errorState).en }),
    ...(r.pointsUsed === undefined ? {} : { pointsUsed: r.pointsUsed }),
    ...(r.finishDate === undefined ? {} : { finishDate: r.finishDate }),
  };
}

/**
 * Shapes a stored message for the read endpoints: status, recipients with their states and the English texts
 * of their eCall codes, attempts, the last code with its text, eCall request ids, history (when the record
 * carries it), timestamps and metadata.
 */
export function toMessageView(
  record: MessageRecord | Omit<MessageRecord, 'history'>,
  deliveries?: readonly DeliveryAttempt[],
): MessageView {
  const { id, request, state } = record;
  const { channel, to, text, metadata, createdAt, createdBy, files, faxOptions, ...rest } = request;
  const { idempotencyKey: _key, ...options } = rest;
  const jobType = JOB_TYPES[channel];
  const last = state.lastCode === undefined ? undefined : describeResponse(state.lastCode);
  const lastText = state.lastText ?? last?.name;
  return {
    id,
    channel,
    status: state.status,
    to,
    text,
    options: {
      ...options,
      ...(files ? { attachments: files } : {}),
      ...(faxOptions ? { fax: faxOptions } : {}),
    },
    recipients: state.recipients.map((r) => recipientView(jobType, r)),
    attempts: state.attempts,
    ...(state.lastCode === undefined ? {} : { lastCode: state.lastCode }),
    ...(lastText === undefined ? {} : { lastText }),
    ...(last ? { lastDescription: last.en } : {}),
    requestIds: state.requestIds,
    ...('history' in record ? { history: record.history } : {}),
    ...(state.replies?.length ? { replies: state.replies } : {}),
    ...(deliveries ? { deliveries: [...deliveries] } : {}),
    createdAt,
    ...(createdBy ? { createdBy } : {}),
    updatedAt: state.updatedAt,
    ...(state.submittedAt ? { submittedAt: state.submittedAt } : {}),
    ...(state.acceptedAt ? { acceptedAt: state.acceptedAt } : {}),
    ...(state.finalAt ? { finalAt: state.finalAt } : {}),
    ...(state.nextAttemptAt ? { nextAttemptAt: state.nextAttemptAt } : {}),
    ...(metadata ? { metadata } : {}),
    links: { self: `/v1/messages/${id}` },
  };
}
