import type { EcallClient, SendResult } from '@ecall-relay/ecall';
import type { FaxOptions, MessageRequest, StoredFile } from '@ecall-relay/messages';

/** The slice of the eCall client that submitting needs. */
export type SendClient = Pick<EcallClient, 'sendSms' | 'sendFaxBasic' | 'sendFax' | 'sendVoice'>;

/** Where the relay's callback URL goes: AlwaysNotification (every change) or Notification (final state). */
export interface CallbackTarget {
  readonly url: string;
  readonly field: 'AlwaysNotification' | 'Notification';
}

/** Everything one submission needs besides the client. */
export interface Submission {
  readonly jobId: string;
  readonly request: MessageRequest;
  /** Attachment bodies (faxes sent as SendFax). */
  readonly files: readonly StoredFile[];
  /** The relay's callback URL and the eCall field that carries it (tracking by callback). */
  readonly callback?: CallbackTarget;
  readonly clientRequestId: string;
  readonly afterAmbiguous: boolean;
}

/** A fax needs SendFax (not SendFaxBasic) for attachments, options, Notification or a fax header. */
export function needsSendFax(request: MessageRequest): boolean {
  return Boolean(
    request.files?.length ||
      request.notify?.length ||
      request.headerId ||
      request.headerInfo ||
      (request.faxOptions && Object.keys(request.faxOptions).length > 0),
  );
}

/** Fax options as eCall TokenFields: `Name;=Value;Name;=Value`. */
export function toTokenFields(options: FaxOptions | undefined): string | undefined {
  if (!options) return undefined;
  const pairs: [string, string | number | boolean | undefined][] = [
    ['CallingNumber', options.callingNumber],
    ['MaxRetries', options.maxRetries],
    ['RetriesTimeIntervallInMin', options.retryIntervalMinutes],
    ['NoCoversheet', options.noCoversheet],
  ];
  const set = pairs.filter((pair): pair is [string, string | number | boolean] => pair[1] !== undefined);
  return set.length ? set.map(([name, value]) => `${name};=${value}`).join(';') : undefined;
}

/** Calls the eCall operation that fits the stored request, with the message id as JobID. */
export function submitToEcall(client: SendClient, submission: Submission): Promise<SendResult> {
  const { request, jobId } = submission;
  const call = { clientRequestId: submission.clientRequestId, afterAmbiguous: submission.afterAmbiguous };
  const address = request.to.join(';');
  const always = submission.callback?.field === 'AlwaysNotification' ? submission.callback.url : undefined;
  // The caller's own addresses stay in Notification; the relay's URL joins them when it cannot go elsewhere.
  const withUrl = [...(request.notify ?? []), ...(submission.callback ? [submission.callback.url] : [])].join(
    ';',
  );
  const notification = always ? request.notify?.join(';') : withUrl;
  const common = {
    address,
    message: request.text,
    jobId,
    ...(request.sendDate && { sendDate: request.sendDate }),
  };
  switch (request.channel) {
    case 'sms':
      return client.sendSms(
        {
          ...common,
          ...(request.from && { smsCallback: request.from }),
          ...(notification && { notification }),
          ...(request.answerTo && { answer: request.answerTo }),
          ...(request.flash && { msgType: 'Flash' as const }),
          ...(request.noLog !== undefined && { noLog: request.noLog }),
          ...(always && { alwaysNotification: always }),
        },
        call,
      );
    case 'voice':
      return client.sendVoice(
        {
          ...common,
          ...(request.language && { msgLanguage: request.language }),
          ...(request.from && { fromText: request.from }),
        },
        call,
      );
    case 'fax': {
      const basic = {
        ...common,
        ...(request.from && { fromText: request.from }),
        ...(request.subject && { subject: request.subject }),
      };
      if (!needsSendFax(request)) return client.sendFaxBasic(basic, call);
      const tokenFields = toTokenFields(request.faxOptions);
      // SendFax has no AlwaysNotification: the URL goes with the caller's addresses into Notification.
      const notify = withUrl;
      return client.sendFax(
        {
          ...basic,
          ...(request.headerId && { faxHeaderId: request.headerId }),
          ...(request.headerInfo && { faxHeaderInfo: request.headerInfo }),
          ...(submission.files.length && {
            files: submission.files.map((file) => ({ fileName: file.fileName, content: file.contentBase64 })),
          }),
          ...(notify && { notification: notify }),
          ...(tokenFields && { tokenFields }),
        },
        call,
      );
    }
  }
}
