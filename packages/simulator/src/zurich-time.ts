import { fromEcallDateTime, toEcallDateTime } from '@ecall-relay/ecall';

/** The value eCall puts in FinishDate while a job is not finished. */
export const UNFINISHED_DATE = '0001-01-01T00:00:00';

/** Formats an instant as eCall's zone-less xs:dateTime: `yyyy-MM-ddTHH:mm:ss`, Zurich local time. */
export function toZurichDateTime(epochMs: number): string {
  return toEcallDateTime(new Date(epochMs)).replace(' ', 'T');
}

/** Formats an instant as the notification TimeStamp: `dd.MM.yyyy HH:mm:ss`, Zurich local time. */
export function toNotificationTimestamp(epochMs: number): string {
  const local = toEcallDateTime(new Date(epochMs));
  return `${local.slice(8, 10)}.${local.slice(5, 7)}.${local.slice(0, 4)} ${local.slice(11)}`;
}

/**
 * Reads eCall's SendDate (`yyyy-MM-dd HH:mm:ss`, Zurich local time) as an instant.
 * Returns undefined for anything malformed or impossible (eCall then sends at once).
 */
export function parseZurichSendDate(text: string): number | undefined {
  const iso = fromEcallDateTime(text);
  return iso === null ? undefined : Date.parse(iso);
}
