/** A SOAP fault's code and reason, in 1.1 (`faultcode`/`faultstring`) or 1.2 (`Code`/`Reason`) shape. */
export interface SoapFault {
  faultcode: string;
  faultstring: string;
}

type Tree = Record<string, unknown>;

function isTree(value: unknown): value is Tree {
  return typeof value === 'object' && value !== null;
}

/** Text of an element node-soap parsed, whether it came back bare or wrapped for its attributes. */
function textOf(value: unknown): string | undefined {
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) return textOf(value[0]);
  if (isTree(value) && (typeof value.$value === 'string' || typeof value.$value === 'number')) {
    return String(value.$value);
  }
  return undefined;
}

function subcodeChain(code: unknown): string | undefined {
  if (!isTree(code)) return undefined;
  const value = textOf(code.Value);
  const sub = subcodeChain(code.Subcode);
  return value && sub ? `${value} / ${sub}` : value;
}

/**
 * Finds the Fault in the tree node-soap attaches to its error (`error.root`) when the body was a
 * SOAP fault. Returns undefined for anything else, including node-soap's own "Invalid XML" object,
 * which describes a body that was not SOAP at all.
 */
export function findSoapFault(error: unknown): SoapFault | undefined {
  if (!isTree(error) || !isTree(error.root)) return undefined;
  const envelope = error.root.Envelope;
  const body = isTree(envelope) ? envelope.Body : undefined;
  const fault = isTree(body) ? body.Fault : undefined;
  if (!isTree(fault)) return undefined;
  const faultcode = textOf(fault.faultcode) ?? subcodeChain(fault.Code) ?? 'unknown';
  const reason = isTree(fault.Reason) ? textOf(fault.Reason.Text) : undefined;
  const faultstring = textOf(fault.faultstring) ?? reason ?? '';
  return { faultcode, faultstring };
}
