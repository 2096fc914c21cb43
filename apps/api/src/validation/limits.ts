import { FAX_ATTACHMENT_RULES } from '@ecall-relay/codes';
/**
 * Input limits of the send endpoints. eCall's own limits (SPEC section 2) where it has them; elsewhere
 * chosen to keep a message well inside what eCall and the channel can carry.
 */
export const VALIDATION_LIMITS = {
  /** SMS text: about ten concatenated SMS parts. */
  smsTextChars: 1_600,
  /** Voice text: read out by text-to-speech; longer calls lose the listener. */
  voiceTextChars: 1_000,
  /** Fax cover text. */
  faxTextChars: 10_000,
  /** Recipients per message (after splitting a `;`-joined string). */
  recipients: 1_000,
  /** Messages per batch request. */
  batchMessages: 1_000,
  /** eCall address-book person or group names. */
  addressBookNameChars: 50,
  /** Digits of a phone number after normalisation (E.164 has 15, plus the `00` prefix). */
  phoneDigitsMin: 3,
  phoneDigitsMax: 20,
  /** SMSCallback: digits or alphanumerics. */
  smsCallbackDigits: 16,
  smsCallbackAlphanumerics: 11,
  /** FromText of fax and voice. */
  fromTextChars: 50,
  /** Fax subject. */
  subjectChars: 100,
  /** FaxHeaderID and FaxHeaderInfo. */
  headerIdChars: 20,
  headerInfoChars: 50,
  /** eCall's Notification field (the relay may reserve part of it). */
  notificationChars: 100,
  /** E-mail addresses in `notify` and `answerTo`. */
  emailChars: 100,
  /** Fax attachments. */
  attachments: FAX_ATTACHMENT_RULES.maxCount,
  attachmentBytes: FAX_ATTACHMENT_RULES.maxBytes,
  fileNameChars: FAX_ATTACHMENT_RULES.maxNameLength,
  /** Serialised `metadata` (UTF-8 bytes of its JSON). */
  metadataBytes: 4_096,
  callbackUrlChars: 2_000,
  /** Idempotency-Key header. */
  idempotencyKeyChars: 200,
} as const;

/** Fax attachment types eCall accepts (SPEC section 2), from the eCall tables. */
export const ATTACHMENT_EXTENSIONS = FAX_ATTACHMENT_RULES.extensions;

/** Languages of voice messages (eCall MsgLanguage). */
export const VOICE_LANGUAGES = ['DE', 'FR', 'IT', 'EN'] as const;
