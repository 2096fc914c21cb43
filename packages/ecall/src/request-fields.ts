import type { FaxFile } from './inputs.ts';
import { OPERATION_FIELDS, type OperationField, type OperationName } from './operations.ts';
import { escapeXmlText, findNonXmlChar } from './xml-text.ts';

/** camelCase input key -> eCall element name, for every operation (eCall's names are case-sensitive). */
export const FIELD_ELEMENTS = {
  address: 'Address',
  message: 'Message',
  jobId: 'JobID',
  smsCallback: 'SMSCallback',
  notification: 'Notification',
  answer: 'Answer',
  sendDate: 'SendDate',
  msgType: 'MsgType',
  noLog: 'NoLog',
  alwaysNotification: 'AlwaysNotification',
  fromText: 'FromText',
  subject: 'Subject',
  faxHeaderId: 'FaxHeaderID',
  faxHeaderInfo: 'FaxHeaderInfo',
  files: 'Files',
  tokenFields: 'TokenFields',
  msgLanguage: 'MsgLanguage',
} as const satisfies Record<string, OperationField<OperationName>>;

type InputKey = keyof typeof FIELD_ELEMENTS;
type InputValue = string | boolean | readonly FaxFile[] | undefined;

/** An element's content, already XML-escaped, or the Attachment list of `Files`. */
type WireValue = string | { Attachment: { FileName: string; FileContent: string }[] };

/** Raised for input that cannot be written as XML; names the field, never the value. */
export class UnwritableInputError extends Error {}

const ELEMENT_INPUT_KEY = new Map<string, InputKey>(
  Object.entries(FIELD_ELEMENTS).map(([key, element]) => [element, key as InputKey]),
);

function text(element: string, value: string): string {
  const bad = findNonXmlChar(value);
  if (bad) throw new UnwritableInputError(`${element} contains ${bad}, which XML 1.0 cannot carry`);
  return escapeXmlText(value);
}

function toBase64(content: Uint8Array | string): string {
  return typeof content === 'string' ? content : Buffer.from(content).toString('base64');
}

function wireValue(element: string, value: Exclude<InputValue, undefined>): WireValue | undefined {
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return value === '' ? undefined : text(element, value);
  if (value.length === 0) return undefined;
  return {
    Attachment: value.map((file) => ({
      FileName: text(`${element}.FileName`, file.fileName),
      FileContent: text(`${element}.FileContent`, toBase64(file.content)),
    })),
  };
}

/**
 * Builds node-soap's argument object for `operation`: keys inserted in WSDL order (node-soap
 * writes them in insertion order and eCall's binder is order-sensitive), unset and empty values
 * omitted so that no empty or nil element is ever sent.
 * @throws UnwritableInputError when a value holds a character XML cannot carry.
 */
export function buildRequestArgs(
  operation: OperationName,
  credentials: { accountName: string; accountPassword: string },
  input: object,
): Record<string, WireValue> {
  const values = input as Partial<Record<InputKey, InputValue>>;
  const args: Record<string, WireValue> = {};
  for (const element of OPERATION_FIELDS[operation]) {
    let value: InputValue;
    if (element === 'AccountName') value = credentials.accountName;
    else if (element === 'AccountPassword') value = credentials.accountPassword;
    else {
      const key = ELEMENT_INPUT_KEY.get(element);
      value = key === undefined ? undefined : values[key];
    }
    if (value === undefined) continue;
    const wire = wireValue(element, value);
    if (wire !== undefined) args[element] = wire;
  }
  return args;
}
