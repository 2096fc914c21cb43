import { fileURLToPath } from 'node:url';

/** The eCall target namespace: a bare relative URI, exactly as the service declares it. */
export const ECALL_NAMESPACE = 'eCallWebservice';

/** The production endpoint. TLS 1.2 only. */
export const ECALL_ENDPOINT = 'https://soap.ecall.ch/eCall.asmx';

/** Absolute path of the WSDL that ships with this package (never fetched at run time). */
export const WSDL_PATH = fileURLToPath(new URL('../wsdl/ecall.wsdl', import.meta.url));

/**
 * Request children of every operation, in WSDL (schema sequence) order. eCall's .asmx binder is
 * order-sensitive, so every envelope is built from this table: set fields in this order, unset omitted.
 */
export const OPERATION_FIELDS = {
  SendSMSBasic: [
    'AccountName',
    'AccountPassword',
    'Address',
    'Message',
    'JobID',
    'SMSCallback',
    'Notification',
    'Answer',
    'SendDate',
    'MsgType',
    'NoLog',
    'AlwaysNotification',
  ],
  SendFaxBasic: [
    'AccountName',
    'AccountPassword',
    'Address',
    'Message',
    'JobID',
    'FromText',
    'Subject',
    'SendDate',
  ],
  SendFax: [
    'AccountName',
    'AccountPassword',
    'Address',
    'Message',
    'JobID',
    'FromText',
    'FaxHeaderID',
    'FaxHeaderInfo',
    'Subject',
    'SendDate',
    'Files',
    'Notification',
    'TokenFields',
  ],
  SendVoiceBasic: [
    'AccountName',
    'AccountPassword',
    'Address',
    'Message',
    'JobID',
    'MsgLanguage',
    'FromText',
    'SendDate',
  ],
  GetStateBasic: ['AccountName', 'AccountPassword', 'JobID', 'Address'],
} as const;

/** One of the five eCall operations. */
export type OperationName = keyof typeof OPERATION_FIELDS;

/** The element names a request of `Op` may carry. */
export type OperationField<Op extends OperationName> = (typeof OPERATION_FIELDS)[Op][number];

/** The SOAPAction of an operation: `eCallWebservice/<Operation>` for both SOAP versions. */
export function soapActionOf(operation: OperationName): string {
  return `${ECALL_NAMESPACE}/${operation}`;
}

/** Envelope namespaces and content types per SOAP version. */
export const SOAP_VERSIONS = {
  '1.1': {
    envelopeNamespace: 'http://schemas.xmlsoap.org/soap/envelope/',
    contentType: 'text/xml; charset=utf-8',
  },
  '1.2': {
    envelopeNamespace: 'http://www.w3.org/2003/05/soap-envelope',
    contentType: 'application/soap+xml; charset=utf-8',
  },
} as const;

/** A SOAP protocol version. eCall recommends 1.2; 1.1 "will be disabled soon". */
export type SoapVersion = keyof typeof SOAP_VERSIONS;
