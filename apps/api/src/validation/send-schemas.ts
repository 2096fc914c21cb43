import { z } from '@hono/zod-openapi';
import { attachmentsSchema } from './attachments.ts';
import {
  answerToSchema,
  callbackUrlSchema,
  faxOptionsInputSchema,
  languageSchema,
  lineSchema,
  metadataSchema,
  sendAtSchema,
  smsCallbackSchema,
  textSchema,
} from './fields.ts';
import { VALIDATION_LIMITS as L } from './limits.ts';
import { notifySchema, recipientsSchema } from './recipients.ts';

/** What the send schemas depend on at run time. */
export interface SendSchemaOptions {
  /** Characters available to `notify` once joined with `;`. */
  readonly notifyMaxChars: number;
  /** How far ahead `sendAt` may be. */
  readonly maxScheduleAheadMs: number;
  readonly now: () => Date;
}

const flag = (description: string) => z.boolean().optional().openapi({ description });

/**
 * The request bodies of `POST /v1/sms`, `/v1/fax`, `/v1/voice` and `/v1/messages/batch`. Objects are strict
 * (an unknown field is a 400, so a typo cannot silently drop an option); outputs are normalised (addresses,
 * lists, attachment sizes).
 */
export function createSendSchemas(options: SendSchemaOptions) {
  const common = {
    sendAt: sendAtSchema(options.now, options.maxScheduleAheadMs).optional(),
    callbackUrl: callbackUrlSchema.optional(),
    metadata: metadataSchema.optional(),
  };
  const smsShape = {
    to: recipientsSchema({ pager: true }),
    text: textSchema(L.smsTextChars),
    from: smsCallbackSchema.optional(),
    ...common,
    flash: flag('Flash SMS (eCall MsgType Flash): shown at once, not stored on the phone.'),
    answerTo: answerToSchema.optional(),
    noLog: flag('Ask eCall not to keep the text in its log (eCall NoLog).'),
    notify: notifySchema(options.notifyMaxChars).optional(),
  };
  const faxShape = {
    to: recipientsSchema({ pager: false }),
    text: textSchema(L.faxTextChars),
    from: lineSchema(L.fromTextChars, 'Sender text (eCall FromText).').optional(),
    ...common,
    subject: lineSchema(L.subjectChars, 'Fax subject (eCall Subject).').optional(),
    headerId: lineSchema(
      L.headerIdChars,
      'Fax header id (eCall FaxHeaderID), at most 20 characters.',
    ).optional(),
    headerInfo: lineSchema(
      L.headerInfoChars,
      'Fax header text (eCall FaxHeaderInfo), at most 50 characters.',
    ).optional(),
    attachments: attachmentsSchema.optional(),
    options: faxOptionsInputSchema.optional(),
    notify: notifySchema(options.notifyMaxChars).optional(),
  };
  const voiceShape = {
    to: recipientsSchema({ pager: false }),
    text: textSchema(L.voiceTextChars),
    from: lineSchema(L.fromTextChars, 'Caller text (eCall FromText).').optional(),
    ...common,
    language: languageSchema.optional(),
  };
  const sms = z.strictObject(smsShape).openapi('SmsRequest');
  const fax = z.strictObject(faxShape).openapi('FaxRequest');
  const voice = z.strictObject(voiceShape).openapi('VoiceRequest');
  const batchItem = z
    .discriminatedUnion('channel', [
      z.strictObject({ channel: z.literal('sms'), ...smsShape }),
      z.strictObject({ channel: z.literal('fax'), ...faxShape }),
      z.strictObject({ channel: z.literal('voice'), ...voiceShape }),
    ])
    .openapi('BatchMessage');
  const batch = z
    .strictObject({ messages: z.array(batchItem).min(1).max(L.batchMessages) })
    .openapi('BatchRequest', { description: `Up to ${L.batchMessages} messages, validated all-or-nothing.` });
  return { sms, fax, voice, batch };
}

/** The schemas returned by {@link createSendSchemas}. */
export type SendSchemas = ReturnType<typeof createSendSchemas>;
/** A validated, normalised SMS request. */
export type SmsInput = z.output<SendSchemas['sms']>;
/** A validated, normalised fax request. */
export type FaxInput = z.output<SendSchemas['fax']>;
/** A validated, normalised voice request. */
export type VoiceInput = z.output<SendSchemas['voice']>;
/** One validated batch message. */
export type BatchItem = z.output<SendSchemas['batch']>['messages'][number];
