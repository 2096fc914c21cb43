/**
 * Comparable form of a phone number: digits only, `+` and a national leading 0 made international (Swiss
 * numbering, which is eCall's), so that `+41 79 123 45 67`, `0791234567` and `0041791234567` match.
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
