import { toEcallDateTime } from '@ecall-relay/ecall';
import {
  type Channel,
  type MessageRequest,
  messageRequestSchema,
  type NewMessage,
} from '@ecall-relay/messages';
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

type Compact<T> = { [K in keyof T]?: Exclude<T[K], undefined> };

function compact<T extends Record<string, unknown>>(value: T): Compact<T> {
  const out: Record<string, unknown> = {};
  for (const key in value) if (value[key] !== undefined) out[key] = value[key];
  return out as Compact<T>;
}

/**
 * Turns a validated request into the message to store: the request record (no attachment bodies; those go
 * apart), and for a future `sendAt` a job delay that hands it to eCall `scheduleLeadMs` early, with SendDate
 * carrying the exact time.
 *
 * @throws Error when the result does not satisfy the shared request schema (a bug, answered with 500).
 */
export function toNewMessage(channel: Channel, fields: SendFields, ctx: MessageContext): NewMessage {
  const sendAt = fields.sendAt === undefined ? undefined : new Date(fields.sendAt);
  const faxOptions = fields.options && compact(fields.options);
  const options = faxOptions && Object.keys(faxOptions).length > 0 ? faxOptions : undefined;
  const attachments = fields.attachments?.length ? fields.attachments : undefined;
  const request: MessageRequest = messageRequestSchema.parse({
    channel,
    to: fields.to,
    text: fields.text,
    ...compact({
      from: fields.from,
      sendAt: fields.sendAt,
      sendDate: sendAt && toEcallDateTime(sendAt),
      flash: fields.flash,
      answerTo: fields.answerTo,
      noLog: fields.noLog,
      notify: fields.notify?.length ? fields.notify : undefined,
      subject: fields.subject,
      headerId: fields.headerId,
      headerInfo: fields.headerInfo,
      files: attachments?.map(({ fileName, size }) => ({ fileName, size })),
      faxOptions: options,
      language: fields.language,
      callbackUrl: fields.callbackUrl,
      metadata: fields.metadata,
      idempotencyKey: ctx.idempotencyKey,
    }),
    createdAt: ctx.now.toISOString(),
    createdBy: ctx.user,
  });
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
