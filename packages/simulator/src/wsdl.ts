import { readFile } from 'node:fs/promises';
import { WSDL_PATH } from '@ecall-relay/ecall';

const ADDRESS = /(<(?:soap|soap12):address\s+location=")[^"]*(")/g;

/** The shipped WSDL with both the SOAP 1.1 and 1.2 port addresses pointing at `endpoint`. */
export async function loadWsdl(endpoint: string): Promise<string> {
  const wsdl = await readFile(WSDL_PATH, 'utf8');
  return wsdl.replace(ADDRESS, (_match, before: string, after: string) => `${before}${endpoint}${after}`);
}
