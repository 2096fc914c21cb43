/**
 * The form two addresses are compared in, as the store's recipient index does it (packages/messages
 * `addressKey`): numbers become `0041...` (a leading `+` is `00`, a Swiss `0` prefix is `0041`), pager access
 * codes are kept, names are lower-cased. eCall reports numbers as `0041...` while requests may say `079...`.
 */
export function addressKey(address: string): string {
  const trimmed = address.trim();
  if (!/^[+\d][\d\s\-./()]*(:\d+)?$/.test(trimmed)) return trimmed.toLowerCase();
  const [number = '', code] = trimmed.split(':');
  let digits = number.replace(/\D/g, '');
  if (number.startsWith('+')) digits = `00${digits}`;
  else if (/^0[1-9]/.test(digits)) digits = `0041${digits.slice(1)}`;
  return code ? `${digits}:${code}` : digits;
}
