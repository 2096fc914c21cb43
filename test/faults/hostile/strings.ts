/** XML and SOAP injection strings: closing eCall's elements, CDATA, entities, DOCTYPE, whole envelopes. */
export const XML_INJECTIONS = [
  '</Message><AccountPassword>x</AccountPassword><Message>',
  '</Address><Address>0041790000000</Address>',
  '<![CDATA[</Message>]]>',
  ']]><JobID>forged</JobID>',
  '&xxe;',
  '&lt;/Message&gt;',
  '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>&xxe;',
  '<?xml version="1.0"?><soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Body/></soap:Envelope>',
  '"/><JobID>x</JobID>',
  "' or '1'='1",
  '&#0;&#x1F;',
  '<JobID>../../etc/passwd</JobID>',
] as const;

/** File names that try to leave the upload's directory or hide their type (all refused by the api's rules). */
export const TRAVERSAL_NAMES = [
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  'C:\\x',
  'C:\\x.pdf',
  '/etc/passwd.pdf',
  'a\u0000.pdf',
  'report.pdf\u0000.exe',
  '....//....//x.pdf',
  '\\\\server\\share\\x.pdf',
  'x.pdf/..',
  '%2e%2e%2fetc%2fpasswd',
  'file:///etc/passwd.pdf',
  '~/.ssh/id_rsa',
  '..',
  '.',
] as const;

/** URL paths that try to climb out of the api's routes. */
export const TRAVERSAL_PATHS = [
  '/v1/messages/..%2F..%2Fetc%2Fpasswd',
  '/v1/messages/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '/v1/messages/..%5C..%5Cwindows%5Cwin.ini',
  '/v1/messages/%00',
  '/v1/messages/x%00.pdf',
  '/v1/../../etc/passwd',
  '/v1/messages/../../../etc/passwd',
  '/%2e%2e/%2e%2e/etc/passwd',
  '/v1/callbacks/ecall/../../../etc/passwd/x',
  '/v1/messages/C:%5Cx',
] as const;

/** Strings that are not base64 as the api defines it (strict, canonical, padded). */
export const BAD_BASE64 = [
  '!!!!',
  'abc',
  'YQ',
  'YQ=',
  'Y===',
  'YR==',
  '====',
  'YW Jj',
  'YWJj\n',
  'data:application/pdf;base64,JVBERi0=',
  '😀😀😀😀',
  '-_-_',
  'JVBERi0',
  '%PDF-1.4',
  'AAA*',
  'QUJD\u0000',
] as const;

/** Byte sequences that are not UTF-8: stray bytes, overlong forms, surrogates, cut sequences, > U+10FFFF. */
export const INVALID_UTF8: readonly (readonly number[])[] = [
  [0xff],
  [0xfe, 0xff],
  [0x80],
  [0xc0, 0xaf],
  [0xe0, 0x80, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xe2, 0x82],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  // "Grüezi" in Latin-1: a lone 0xFC.
  [0x47, 0x72, 0xfc, 0x65, 0x7a, 0x69],
];
