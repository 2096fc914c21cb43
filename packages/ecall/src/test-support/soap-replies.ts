import type { OperationName, SoapVersion } from '../operations.ts';
import { SOAP_VERSIONS } from '../operations.ts';
import type { Reply } from './capture-server.ts';

/** Escapes text for canned XML answers. */
export function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Wraps a body in the envelope of `version`, the way ASP.NET .asmx writes it. */
export function envelope(version: SoapVersion, body: string): string {
  const ns = SOAP_VERSIONS[version].envelopeNamespace;
  return (
    '<?xml version="1.0" encoding="utf-8"?>' +
    `<soap:Envelope xmlns:soap="${ns}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ` +
    'xmlns:xsd="http://www.w3.org/2001/XMLSchema">' +
    `<soap:Body>${body}</soap:Body></soap:Envelope>`
  );
}

/** A 200 answer carrying `body` in a SOAP envelope, plus eCall's request id header. */
export function soapReply(version: SoapVersion, body: string, requestId = 'srv-req-1'): Reply {
  return {
    status: 200,
    headers: { 'content-type': SOAP_VERSIONS[version].contentType, 'x-f24-request-id': requestId },
    body: envelope(version, body),
  };
}

/** `<OpResponse><OpResult>` with a ResponseCode and ResponseText, for the four send operations. */
export function sendResponseBody(operation: OperationName, code: number, text: string): string {
  return (
    `<${operation}Response xmlns="eCallWebservice"><${operation}Result>` +
    `<ResponseCode>${code}</ResponseCode><ResponseText>${xmlText(text)}</ResponseText>` +
    `</${operation}Result></${operation}Response>`
  );
}

/** GetStateBasicResponse with a ServiceResponse and, when given, a raw JobResponse element. */
export function stateResponseBody(code: number, text: string, jobResponse?: string): string {
  return (
    '<GetStateBasicResponse xmlns="eCallWebservice"><GetStateBasicResult>' +
    `<ServiceResponse><ResponseCode>${code}</ResponseCode><ResponseText>${xmlText(text)}</ResponseText></ServiceResponse>` +
    (jobResponse ?? '') +
    '</GetStateBasicResult></GetStateBasicResponse>'
  );
}

/** A JobResponse element in eCall's shape. */
export function jobResponse(fields: {
  jobId: string;
  address: string;
  jobType: number | string;
  sendState: number | string;
  errorState: number | string;
  pointsUsed: number | string;
  finishDate: string;
}): string {
  return (
    `<JobResponse><JobID>${fields.jobId}</JobID><Address>${fields.address}</Address>` +
    `<JobType>${fields.jobType}</JobType><SendState>${fields.sendState}</SendState>` +
    `<ErrorState>${fields.errorState}</ErrorState><PointsUsed>${fields.pointsUsed}</PointsUsed>` +
    `<FinishDate>${fields.finishDate}</FinishDate></JobResponse>`
  );
}

/** The fault .asmx returns (HTTP 500) when it cannot dispatch the request, in either SOAP version. */
export function faultReply(version: SoapVersion, code: string, reason: string): Reply {
  const fault =
    version === '1.1'
      ? `<soap:Fault><faultcode>${code}</faultcode><faultstring>${xmlText(reason)}</faultstring><detail /></soap:Fault>`
      : `<soap:Fault><soap:Code><soap:Value>${code}</soap:Value></soap:Code>` +
        `<soap:Reason><soap:Text xml:lang="en">${xmlText(reason)}</soap:Text></soap:Reason><soap:Detail /></soap:Fault>`;
  return {
    status: 500,
    headers: { 'content-type': SOAP_VERSIONS[version].contentType, 'x-f24-request-id': 'srv-fault-1' },
    body: envelope(version, fault),
  };
}
