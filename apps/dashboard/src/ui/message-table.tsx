import { responseText } from '../lib/codes.ts';
import { formatDateTime, formatRelative } from '../lib/format.ts';
import { messagePath } from '../lib/routes.ts';
import type { Message } from '../lib/types.ts';
import { StatusBadge } from './bits.tsx';
import { Link } from './router.tsx';

/** Why a recipient failed, when one did: what an operator looks for first in a failed row. */
function failureOf(message: Message): string | undefined {
  const failed = message.recipients.find((r) => r.status === 'failed' && r.errorState !== undefined);
  return failed && `ErrorState ${failed.errorState}: ${failed.errorStateText ?? ''}`;
}

function recipientsOf(message: Message): string {
  const [first, ...rest] = message.to;
  return rest.length > 0 ? `${first} +${rest.length}` : (first ?? '');
}

/** One page of messages: newest first, each row linking to the message. */
export function MessageTable({ items }: { readonly items: readonly Message[] }) {
  const now = Date.now();
  return (
    <table class="messages">
      <thead>
        <tr>
          <th scope="col">Created</th>
          <th scope="col">Message</th>
          <th scope="col">Channel</th>
          <th scope="col">Status</th>
          <th scope="col">Recipients</th>
          <th scope="col">Text</th>
          <th scope="col">eCall said</th>
        </tr>
      </thead>
      <tbody>
        {items.map((m) => (
          <tr key={m.id} data-id={m.id}>
            <td class="nowrap" title={m.createdAt}>
              {formatDateTime(m.createdAt)}
              <div class="muted small">{formatRelative(m.createdAt, now)}</div>
            </td>
            <td>
              <Link to={messagePath(m.id)} class="mono">
                {m.id}
              </Link>
            </td>
            <td>{m.channel}</td>
            <td>
              <StatusBadge status={m.status} />
            </td>
            <td class="mono">{recipientsOf(m)}</td>
            <td class="clip" title={m.text}>
              {m.text}
            </td>
            <td>
              {m.lastCode === undefined ? (
                <span class="muted">-</span>
              ) : (
                <span title={m.lastDescription ?? responseText(m.lastCode)}>
                  <span class="mono">{m.lastCode}</span> {m.lastText ?? ''}
                </span>
              )}
              {failureOf(m) && <div class="small bad-text">{failureOf(m)}</div>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
