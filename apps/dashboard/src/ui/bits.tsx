import type { ApiFailure } from '../lib/api-client.ts';
import { formatDateTime, formatRelative, statusLabel } from '../lib/format.ts';

const TONES: Readonly<Record<string, string>> = {
  delivered: 'good',
  accepted: 'good',
  sent: 'info',
  partially_delivered: 'warn',
  unconfirmed: 'warn',
  retrying: 'warn',
  paused: 'warn',
  failed: 'bad',
  rejected: 'bad',
  canceled: 'muted',
};

/** A message or recipient status as a coloured badge (colour repeats the word, never replaces it). */
export function StatusBadge({ status }: { readonly status: string }) {
  return <span class={`badge ${TONES[status] ?? 'neutral'}`}>{statusLabel(status)}</span>;
}

/** An instant in local time with how long ago it was; the exact ISO value on hover. */
export function When({ at }: { readonly at: string | undefined | null }) {
  if (!at) return <span class="muted">-</span>;
  return (
    <time dateTime={at} title={at}>
      {formatDateTime(at)} <span class="muted">({formatRelative(at, Date.now())})</span>
    </time>
  );
}

/** An api failure as operators need it: what went wrong and the request id to quote. */
export function ErrorBox({ error }: { readonly error: ApiFailure }) {
  return (
    <p class="error" role="alert">
      {error.message}
      {error.requestId && <span class="muted"> (request id {error.requestId})</span>}
    </p>
  );
}
