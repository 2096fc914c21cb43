import {
  ECALL_NAMESPACE,
  OPERATION_FIELDS,
  type OperationName,
  SOAP_VERSIONS,
  type SoapVersion,
} from '@ecall-relay/ecall';
import type { Attachment } from './attachments.ts';
import { parseContentType, unquoteAction } from './content-type.ts';
import { attributeOf, parseXml, type XmlElement, XmlSyntaxError } from './xml-tree.ts';

/** A well-formed eCall SOAP request: its version, operation and the eCall-namespace children it carries. */
export interface SoapRequest {
  readonly ok: true;
  readonly version: SoapVersion;
  readonly operation: OperationName;
  /** Text of each known child of the wrapper; children in another namespace are absent, as in ASP.NET. */
  readonly fields: ReadonlyMap<string, string>;
  /** SendFax `Files`, when present. */
  readonly files: readonly Attachment[] | undefined;
}

/** Why a request is not a usable SOAP call, answered as a SOAP fault in `version`. */
export interface SoapProblem {
  readonly ok: false;
  readonly version: SoapVersion;
  readonly status: 415 | 500;
  readonly faultCode: 'sender' | 'version-mismatch';
  readonly message: string;
}

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const isOperation = (name: string): name is OperationName => Object.hasOwn(OPERATION_FIELDS, name);

/** Reads the SOAP version and action from the headers, then the operation and fields from the body. */
export function readSoapRequest(
  contentType: string | undefined,
  soapAction: string | undefined,
  body: Buffer,
): SoapRequest | SoapProblem {
  const type = parseContentType(contentType);
  const version: SoapVersion | undefined =
    type.mediaType === 'text/xml' ? '1.1' : type.mediaType === 'application/soap+xml' ? '1.2' : undefined;
  if (version === undefined) {
    return problem('1.1', `Unsupported content type: ${type.mediaType || '(none)'}`, 415);
  }
  const action = version === '1.1' ? soapAction : type.params.get('action');
  let actionOperation: OperationName | undefined;
  if (action !== undefined || version === '1.1') {
    const value = unquoteAction(action ?? '');
    const name = value.startsWith(`${ECALL_NAMESPACE}/`) ? value.slice(ECALL_NAMESPACE.length + 1) : '';
    if (!isOperation(name))
      return problem(version, `Server did not recognize the value of SOAPAction: ${value}.`);
    actionOperation = name;
  }
  let text: string;
  try {
    text = new TextDecoder(type.params.get('charset') ?? 'utf-8', { fatal: true }).decode(body);
  } catch {
    return problem(version, 'Server was unable to read request: the body does not match its charset.');
  }
  let envelope: XmlElement;
  try {
    envelope = parseXml(text, ['FileContent']);
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error;
    return problem(
      version,
      `Server was unable to read request. There is an error in the XML document: ${error.message}`,
    );
  }
  const envelopeNs = SOAP_VERSIONS[version].envelopeNamespace;
  if (envelope.local !== 'Envelope' || envelope.ns !== envelopeNs) {
    const otherVersion = Object.values(SOAP_VERSIONS).some((v) => v.envelopeNamespace === envelope.ns);
    if (envelope.local === 'Envelope' && otherVersion) {
      return {
        ...problem(
          version,
          `Possible SOAP version mismatch: envelope namespace ${envelope.ns} was unexpected.`,
        ),
        faultCode: 'version-mismatch',
      };
    }
    return problem(version, `The root element must be {${envelopeNs}}Envelope.`);
  }
  const bodyElement = envelope.children.find((child) => child.ns === envelopeNs && child.local === 'Body');
  const wrapper = bodyElement?.children[0];
  if (wrapper === undefined) return problem(version, 'The SOAP Body has no operation element.');
  if (wrapper.ns !== ECALL_NAMESPACE || !isOperation(wrapper.local)) {
    return problem(version, `Server did not recognize the request element {${wrapper.ns}}${wrapper.local}.`);
  }
  if (actionOperation !== undefined && actionOperation !== wrapper.local) {
    return problem(
      version,
      `The SOAPAction ${actionOperation} does not match the body element ${wrapper.local}.`,
    );
  }
  return { ok: true, version, operation: wrapper.local, ...readFields(wrapper.local, wrapper) };
}

function readFields(operation: OperationName, wrapper: XmlElement): Pick<SoapRequest, 'fields' | 'files'> {
  const known: readonly string[] = OPERATION_FIELDS[operation];
  const fields = new Map<string, string>();
  let files: Attachment[] | undefined;
  for (const child of wrapper.children) {
    if (child.ns !== ECALL_NAMESPACE || !known.includes(child.local) || isNil(child)) continue;
    if (child.local === 'Files') files ??= readAttachments(child);
    else if (!fields.has(child.local)) fields.set(child.local, child.text);
  }
  return { fields, files };
}

function readAttachments(files: XmlElement): Attachment[] {
  const inNs = (element: XmlElement, local: string): XmlElement | undefined =>
    element.children.find((child) => child.ns === ECALL_NAMESPACE && child.local === local && !isNil(child));
  return files.children
    .filter((child) => child.ns === ECALL_NAMESPACE && child.local === 'Attachment' && !isNil(child))
    .map((attachment) => ({
      fileName: inNs(attachment, 'FileName')?.text,
      fileContent: inNs(attachment, 'FileContent')?.text,
    }));
}

function isNil(element: XmlElement): boolean {
  const nil = attributeOf(element, XSI, 'nil');
  return nil === 'true' || nil === '1';
}

function problem(version: SoapVersion, message: string, status: 415 | 500 = 500): SoapProblem {
  return { ok: false, version, status, faultCode: 'sender', message };
}
