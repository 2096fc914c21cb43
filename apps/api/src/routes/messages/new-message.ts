import { toEcallDateTime } from '@ecall-relay/ecall';
import type { Channel, FaxOptions, MessageRequest, NewMessage } from '@ecall-relay/messages';
import type { FaxInput, SmsInput, VoiceInput } from '../../validation/send-schemas.ts';
import type { AcceptedMessage } from './schemas.ts';

/** Fields of any channel's validated request (each channel has a subset). */
export type SendFields = Partial<SmsInput & FaxInput & VoiceInput> & {
  readonly to: string[];
  readonly text: string;
};

/** Who and when: everything a stored message needs besides its fields. */
export interface MessageContext {
  readonly id: string;
  readonly now: Date;
  readonly scheduleLeadMs: number;
  readonly user: string;
  readonly idempotencyKey?: string | undefined;
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Turns a validated request into the message to store: the request record (no attachment bodies; those go
 * apart), and for a future `sendAt` a job delay that hands it to eCall `scheduleLeadMs` early, with SendDate
 * carrying the exact time.
 *
 * The record is not parsed again: its fields come from the send schemas, whose limits are stricter than the
 * shared record schema's, and the compiler checks its shape (`MessageRequest` is that schema's type). A test
 * parses every channel's fullest record with the shared schema. A second parse here cost each send more
 * than validating its body did (pnpm bench, B1).
 */
export function toNewMessage(channel: Channel, fields: SendFields, ctx: MessageContext): NewMessage {
  // Optional fields are set only when present (the stored JSON has no undefined keys).
  const request: Writable<MessageRequest> = {
    channel,
    to: fields.to,
    text: fields.text,
    createdAt: ctx.now.toISOString(),
    createdBy: ctx.user,
  };
  if (fields.from !== undefined) request.from = fields.from;
  let sendAt: Date | undefined;
  if (fields.sendAt !== undefined) {
    sendAt = new Date(fields.sendAt);
    request.sendAt = fields.sendAt;
    request.sendDate = toEcallDateTime(sendAt);
  }
  if (fields.flash !== undefined) request.flash = fields.flash;
  if (fields.answerTo !== undefined) request.answerTo = fields.answerTo;
  if (fields.noLog !== undefined) request.noLog = fields.noLog;
  if (fields.notify?.length) request.notify = fields.notify;
  if (fields.subject !== undefined) request.subject = fields.subject;
  if (fields.headerId !== undefined) request.headerId = fields.headerId;
  if (fields.headerInfo !== undefined) request.headerInfo = fields.headerInfo;
  const attachments = fields.attachments?.length ? fields.attachments : undefined;
  if (attachments) request.files = attachments.map(({ fileName, size }) => ({ fileName, size }));
  const faxOptions = fields.options && definedOnly(fields.options);
  if (faxOptions) request.faxOptions = faxOptions;
  if (fields.language !== undefined) request.language = fields.language;
  if (fields.callbackUrl !== undefined) request.callbackUrl = fields.callbackUrl;
  if (fields.metadata !== undefined) request.metadata = fields.metadata;
  if (ctx.idempotencyKey !== undefined) request.idempotencyKey = ctx.idempotencyKey;
  const delayMs = sendAt ? sendAt.getTime() - ctx.now.getTime() - ctx.scheduleLeadMs : 0;
  return {
    id: ctx.id,
    request,
    ...(attachments
      ? { files: attachments.map(({ fileName, contentBase64 }) => ({ fileName, contentBase64 })) }
      : {}),
    ...(delayMs > 0 ? { delayMs } : {}),
  };
}

/** The fax options that are set, or undefined when none is. */
function definedOnly(options: FaxOptions): FaxOptions | undefined {
  const set = Object.entries(options).filter(([, value]) => value !== undefined);
  return set.length > 0 ? (Object.fromEntries(set) as FaxOptions) : undefined;
}

/** The 202 answer for a stored message; its status mirrors the store's (scheduled when held back). */
export function acceptedMessage(message: NewMessage): AcceptedMessage {
  const { id, request } = message;
  return {
    id,
    status: message.delayMs ? 'scheduled' : 'queued',
    channel: request.channel,
    recipients: request.to,
    ...(request.sendAt ? { sendAt: request.sendAt } : {}),
    ...(request.metadata ? { metadata: request.metadata } : {}),
    links: { self: `/v1/messages/${id}` },
  };
}
