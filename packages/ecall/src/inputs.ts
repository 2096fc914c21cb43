/** SendSMSBasic input. `''` counts as unset, like `undefined`. */
export interface SendSmsInput {
  address: string;
  message: string;
  jobId?: string;
  smsCallback?: string;
  notification?: string;
  answer?: string;
  /** `yyyy-MM-dd HH:mm:ss`, Europe/Zurich local time: see `toEcallDateTime`. */
  sendDate?: string;
  msgType?: 'Flash';
  noLog?: boolean;
  alwaysNotification?: string;
}

/** SendFaxBasic input. */
export interface SendFaxBasicInput {
  address: string;
  message: string;
  jobId?: string;
  fromText?: string;
  subject?: string;
  sendDate?: string;
}

/** A fax attachment: `content` is raw bytes or a base64 string. */
export interface FaxFile {
  fileName: string;
  content: Uint8Array | string;
}

/** SendFax input. */
export interface SendFaxInput {
  address: string;
  message: string;
  jobId?: string;
  fromText?: string;
  faxHeaderId?: string;
  faxHeaderInfo?: string;
  subject?: string;
  sendDate?: string;
  files?: readonly FaxFile[];
  notification?: string;
  /** `Name;=Value;Name;=Value`, e.g. `MaxRetries;=3`. */
  tokenFields?: string;
}

/** SendVoiceBasic input. */
export interface SendVoiceInput {
  address: string;
  message: string;
  jobId?: string;
  msgLanguage?: 'DE' | 'FR' | 'IT' | 'EN';
  fromText?: string;
  sendDate?: string;
}

/** GetStateBasic input; without `address` eCall answers for the last job of that JobID. */
export interface GetStateInput {
  jobId: string;
  address?: string;
}
