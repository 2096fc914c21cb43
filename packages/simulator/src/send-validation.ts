import { parseAddressList, type Recipient } from './address.ts';
import { type Attachment, checkAttachments } from './attachments.ts';
import { checkCredentials } from './credentials.ts';
import type { SendOperation } from './job-store.ts';
import type { SimConfig } from './options.ts';
import { JOB_TYPES, type SimJobType } from './progression.ts';
import { smsPageCount } from './sms-pages.ts';
import { parseZurichSendDate } from './zurich-time.ts';

/** A send that passed every rule except the points balance. */
export interface SendPlan {
  readonly account: string;
  readonly jobId: string | undefined;
  readonly jobType: SimJobType;
  readonly recipients: readonly Recipient[];
  /** SendDate when it lies in the future, else the submission time. */
  readonly startAt: number;
  readonly pointsPerRecipient: number;
}

const JOB_TYPE_OF: Record<SendOperation, SimJobType> = {
  SendSMSBasic: JOB_TYPES.sms,
  SendVoiceBasic: JOB_TYPES.voice,
  SendFaxBasic: JOB_TYPES.fax,
  SendFax: JOB_TYPES.fax,
};
const LANGUAGES = new Set(['DE', 'FR', 'IT', 'EN']);
const MAX_JOB_ID = 50;
// Points per recipient: a simulator choice (SMS 1 per page, voice 2, fax 1.5; eCall's tariff is per account).
const VOICE_POINTS = 2;
const FAX_POINTS = 1.5;

/**
 * Applies eCall's send rules in order: credentials, JobID length, Address, Message, SMS length,
 * SendDate, MsgLanguage, fax attachments. Returns the plan, or the ResponseCode of the first broken rule.
 */
export function validateSend(
  config: SimConfig,
  operation: SendOperation,
  fields: ReadonlyMap<string, string>,
  files: readonly Attachment[] | undefined,
  now: number,
): SendPlan | number {
  const account = fields.get('AccountName') ?? '';
  const denied = checkCredentials(config, fields.get('AccountName'), fields.get('AccountPassword'));
  if (denied !== undefined) return denied;
  const jobId = fields.get('JobID') || undefined;
  if (jobId !== undefined && jobId.length > MAX_JOB_ID) return 11000;
  const jobType = JOB_TYPE_OF[operation];
  const addresses = parseAddressList(fields.get('Address') ?? '', {
    addressBook: config.addressBook,
    maxRecipients: config.maxRecipients,
    allowPagers: jobType === JOB_TYPES.sms,
  });
  if (!addresses.ok) return addresses.code;
  const message = fields.get('Message') ?? '';
  if (message.trim() === '') return 11200;
  let pointsPerRecipient = jobType === JOB_TYPES.voice ? VOICE_POINTS : FAX_POINTS;
  if (jobType === JOB_TYPES.sms) {
    pointsPerRecipient = smsPageCount(message);
    if (pointsPerRecipient > config.maxPages) return 11204;
  }
  const sendDate = parseZurichSendDate(fields.get('SendDate') ?? '');
  const startAt = sendDate !== undefined && sendDate > now ? sendDate : now;
  const language = fields.get('MsgLanguage');
  if (operation === 'SendVoiceBasic' && language && !LANGUAGES.has(language.trim().toUpperCase()))
    return 11000;
  if (operation === 'SendFax' && files !== undefined) {
    const refused = checkAttachments(files);
    if (refused !== undefined) return refused;
  }
  return { account, jobId, jobType, recipients: addresses.recipients, startAt, pointsPerRecipient };
}
