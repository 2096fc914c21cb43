import { SOAP_VERSIONS, type SoapVersion } from '@ecall-relay/ecall';

const XML_SPECIAL = /[&<>"']/g;
const XML_ENTITY: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};
// XML 1.0 cannot carry C0 controls other than tab, LF and CR, nor U+FFFE / U+FFFF, even escaped.
const isXmlChar = (code: number): boolean =>
  code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code !== 0xfffe && code !== 0xffff);

function dropIllegalChars(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    if (isXmlChar(text.charCodeAt(i))) out += text[i];
  }
  return out;
}

/** Escapes text for element content or attribute values, dropping characters XML cannot carry. */
export function escapeXml(text: string): string {
  let legal = true;
  for (let i = 0; i < text.length && legal; i += 1) legal = isXmlChar(text.charCodeAt(i));
  return (legal ? text : dropIllegalChars(text)).replace(XML_SPECIAL, (char) => XML_ENTITY[char] ?? char);
}

/** `<Name>escaped value</Name>` */
export function element(name: string, value: string | number): string {
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** Wraps body content in an envelope of the given version, declared the way ASP.NET declares it. */
export function envelope(version: SoapVersion, body: string): string {
  return (
    '<?xml version="1.0" encoding="utf-8"?>' +
    `<soap:Envelope xmlns:soap="${SOAP_VERSIONS[version].envelopeNamespace}" ` +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">' +
    `<soap:Body>${body}</soap:Body></soap:Envelope>`
  );
}

/** The `<ResponseCode>` / `<ResponseText>` pair shared by send results and ServiceResponse. */
export function responseFields(code: number, text: string): string {
  return element('ResponseCode', code) + element('ResponseText', text);
}

/** A send operation's answer: `<OpResponse xmlns="eCallWebservice"><OpResult>...</OpResult></OpResponse>`. */
export function sendResponse(version: SoapVersion, operation: string, code: number, text: string): string {
  return envelope(
    version,
    `<${operation}Response xmlns="eCallWebservice"><${operation}Result>${responseFields(code, text)}` +
      `</${operation}Result></${operation}Response>`,
  );
}

/** Fields of GetStateBasic's JobResponse, already formatted. */
export interface JobResponseFields {
  readonly jobId: string;
  readonly address: string;
  readonly jobType: number;
  readonly sendState: number;
  readonly errorState: number;
  readonly pointsUsed: number;
  readonly finishDate: string;
}

/** GetStateBasic's answer; `job` undefined leaves JobResponse out entirely. */
export function stateResponse(
  version: SoapVersion,
  code: number,
  text: string,
  job: JobResponseFields | undefined,
): string {
  const jobResponse =
    job === undefined
      ? ''
      : '<JobResponse>' +
        element('JobID', job.jobId) +
        element('Address', job.address) +
        element('JobType', job.jobType) +
        element('SendState', job.sendState) +
        element('ErrorState', job.errorState) +
        element('PointsUsed', job.pointsUsed) +
        element('FinishDate', job.finishDate) +
        '</JobResponse>';
  return envelope(
    version,
    '<GetStateBasicResponse xmlns="eCallWebservice"><GetStateBasicResult>' +
      `<ServiceResponse>${responseFields(code, text)}</ServiceResponse>${jobResponse}` +
      '</GetStateBasicResult></GetStateBasicResponse>',
  );
}

/** Who a fault blames: the sender (Client) or the receiver (Server), or a version mismatch. */
export type FaultCode = 'sender' | 'receiver' | 'version-mismatch';

const FAULT_CODES: Record<SoapVersion, Record<FaultCode, string>> = {
  '1.1': { sender: 'soap:Client', receiver: 'soap:Server', 'version-mismatch': 'soap:VersionMismatch' },
  '1.2': { sender: 'soap:Sender', receiver: 'soap:Receiver', 'version-mismatch': 'soap:VersionMismatch' },
};

/** A SOAP fault in the given version (1.1 faultcode/faultstring, 1.2 Code/Value + Reason/Text). */
export function faultResponse(version: SoapVersion, code: FaultCode, message: string): string {
  const value = FAULT_CODES[version][code];
  const fault =
    version === '1.1'
      ? `<soap:Fault>${element('faultcode', value)}${element('faultstring', message)}<detail /></soap:Fault>`
      : `<soap:Fault><soap:Code><soap:Value>${value}</soap:Value></soap:Code>` +
        `<soap:Reason><soap:Text xml:lang="en">${escapeXml(message)}</soap:Text></soap:Reason><soap:Detail /></soap:Fault>`;
  return envelope(version, fault);
}
