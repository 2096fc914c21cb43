// GSM 03.38 default alphabet (ESC excluded: it only introduces the extension table).
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
// Extension table characters cost two septets (ESC + char).
const GSM_EXTENDED = new Set('^{}\\[~]|€\f');

const SINGLE = { gsm: 160, ucs2: 70 } as const;
const PER_PART = { gsm: 153, ucs2: 67 } as const;

/** How an SMS text is encoded on the air interface. */
export type SmsEncoding = keyof typeof SINGLE;

/** The encoding an SMS needs: GSM-7 when every character is in the GSM alphabet, else UCS-2. */
export function smsEncodingOf(message: string): SmsEncoding {
  for (const char of message) {
    if (!GSM_BASIC.has(char) && !GSM_EXTENDED.has(char)) return 'ucs2';
  }
  return 'gsm';
}

/**
 * Number of SMS pages a message needs: GSM-7 160 septets single / 153 per part, UCS-2 70 / 67 UTF-16
 * units. Parts are filled greedily so an escape pair or a surrogate pair is never split across parts.
 */
export function smsPageCount(message: string): number {
  const encoding = smsEncodingOf(message);
  const costs: number[] = [];
  let total = 0;
  for (const char of message) {
    const cost = encoding === 'gsm' ? (GSM_EXTENDED.has(char) ? 2 : 1) : char.length;
    costs.push(cost);
    total += cost;
  }
  if (total <= SINGLE[encoding]) return 1;
  const capacity = PER_PART[encoding];
  let pages = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > capacity) {
      pages += 1;
      used = 0;
    }
    used += cost;
  }
  return pages;
}
