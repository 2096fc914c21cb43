import { CHANNELS, type Channel, MESSAGE_STATUSES, type MessageStatus } from './types.ts';

/** Page sizes the list offers; the api allows up to 500. */
export const PAGE_SIZES = [25, 50, 100] as const;
const DEFAULT_LIMIT = 50;
const CURSOR = /^[0-9A-HJKMNP-TV-Z]{26}$/;
/** Our message ids are ULIDs (Crockford base32, 26 characters); a search for one opens the message. */
const MESSAGE_ID = /^[0-9A-HJKMNP-TV-Z]{26}$/i;

/** What the list page shows, as kept in its URL (so a view can be shared and survives a reload). */
export interface ListParams {
  readonly recipient?: string;
  readonly status?: MessageStatus;
  readonly channel?: Channel;
  /** Created at or after (ISO 8601 instant). */
  readonly from?: string;
  /** Created before (ISO 8601 instant). */
  readonly to?: string;
  readonly limit: number;
  /** Where the page starts: the `nextCursor` of the page before it. */
  readonly cursor?: string;
}

const isIn = <T extends string>(list: readonly T[], value: string | null): value is T =>
  value !== null && (list as readonly string[]).includes(value);

const instant = (value: string | null): string | undefined =>
  value && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : undefined;

/** Reads list parameters from a query string, dropping anything invalid rather than failing. */
export function parseListParams(search: string): ListParams {
  const q = new URLSearchParams(search);
  const recipient = q.get('recipient')?.trim();
  const status = q.get('status');
  const channel = q.get('channel');
  const from = instant(q.get('from'));
  const to = instant(q.get('to'));
  const limit = Number(q.get('limit'));
  const cursor = q.get('cursor');
  return {
    ...(recipient ? { recipient } : {}),
    ...(isIn(MESSAGE_STATUSES, status) ? { status } : {}),
    ...(isIn(CHANNELS, channel) ? { channel } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    limit: Number.isInteger(limit) && limit >= 1 && limit <= 500 ? limit : DEFAULT_LIMIT,
    ...(cursor && CURSOR.test(cursor) ? { cursor } : {}),
  };
}

function toSearch(params: ListParams, keepDefaultLimit: boolean): string {
  const q = new URLSearchParams();
  for (const key of ['recipient', 'status', 'channel', 'from', 'to'] as const) {
    const value = params[key];
    if (value) q.set(key, value);
  }
  if (keepDefaultLimit || params.limit !== DEFAULT_LIMIT) q.set('limit', String(params.limit));
  if (params.cursor) q.set('cursor', params.cursor);
  const text = q.toString();
  return text ? `?${text}` : '';
}

/** The query string of the list page's URL for `params` (defaults left out). */
export function listSearchOf(params: ListParams): string {
  return toSearch(params, false);
}

/** The `GET /v1/messages` URL for `params`: always one page of `limit`, never more. */
export function listApiPath(params: ListParams): string {
  return `/v1/messages${toSearch(params, true)}`;
}

/** What the search box holds: a message id to open, or a recipient to filter by. */
export type SearchTarget =
  | { readonly kind: 'id'; readonly id: string }
  | { readonly kind: 'recipient'; readonly recipient: string }
  | { readonly kind: 'none' };

/** Tells a message id from a recipient (number, pager address or address-book name). */
export function classifySearch(text: string): SearchTarget {
  const value = text.trim();
  if (!value) return { kind: 'none' };
  if (MESSAGE_ID.test(value)) return { kind: 'id', id: value.toUpperCase() };
  return { kind: 'recipient', recipient: value };
}

/** A `datetime-local` input value (browser local time) as an ISO instant; undefined when empty or invalid. */
export function localInputToIso(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** An ISO instant as a `datetime-local` input value in local time (minutes precision). */
export function isoToLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
