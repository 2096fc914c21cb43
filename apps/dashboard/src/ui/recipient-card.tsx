import { codeNotes } from '../lib/codes.ts';
import { formatTime } from '../lib/format.ts';
import type { RecipientTimeline } from '../lib/timeline.ts';
import type { Channel, HistoryEvent } from '../lib/types.ts';
import { StatusBadge, When } from './bits.tsx';

/** One history event: when, what, who said so, eCall's codes with their texts, and eCall's request id. */
export function EventRow({
  event,
  channel,
  shared,
}: {
  event: HistoryEvent;
  channel: Channel;
  shared: boolean;
}) {
  const notes = codeNotes(event, channel);
  return (
    <li class={shared ? 'event shared' : 'event'}>
      <time class="mono" dateTime={event.at} title={event.at}>
        {formatTime(event.at)}
      </time>
      <div>
        <strong>{event.type}</strong> <span class={`source ${event.source}`}>{event.source}</span>
        {shared && <span class="muted small"> · whole message</span>}
        {event.attempt !== undefined && <span class="muted"> · attempt {event.attempt}</span>}
        {event.status && <span class="muted"> · message {event.status}</span>}
        {notes.map((n) => (
          <div class="code" key={n.field}>
            {n.field} <span class="mono">{n.code}</span> {n.name !== 'Unknown' && <em>{n.name}</em>} —{' '}
            {n.text}
          </div>
        ))}
        {event.text && !notes.some((n) => n.text === event.text || n.name === event.text) && (
          <div class="code">eCall text: {event.text}</div>
        )}
        {event.requestId && (
          <div class="small">
            x-f24-request-id <span class="mono">{event.requestId}</span>
          </div>
        )}
        {event.clientRequestId && (
          <div class="small muted">
            x-f24-client-request-id <span class="mono">{event.clientRequestId}</span>
          </div>
        )}
        {event.detail && <div class="small muted detail">{event.detail}</div>}
      </div>
    </li>
  );
}

/** A recipient's state and its timeline; several recipients fold, the first few open. */
export function RecipientCard({
  timeline,
  channel,
  open,
}: {
  timeline: RecipientTimeline;
  channel: Channel;
  open: boolean;
}) {
  const r = timeline.recipient;
  return (
    <details class="card recipient" open={open} data-address={r.address}>
      <summary>
        <span class="mono">{r.address}</span> <StatusBadge status={r.status} />
        {r.sendState !== undefined && (
          <span class="muted small">
            {' '}
            SendState {r.sendState}: {r.sendStateText}
          </span>
        )}
      </summary>
      <dl class="facts">
        {r.errorState !== undefined && (
          <>
            <dt>ErrorState</dt>
            <dd>
              <span class="mono">{r.errorState}</span> {r.errorStateText}
            </dd>
          </>
        )}
        {r.pointsUsed !== undefined && (
          <>
            <dt>Points used</dt>
            <dd>{r.pointsUsed}</dd>
          </>
        )}
        {r.finishDate && (
          <>
            <dt>eCall finish date</dt>
            <dd>
              <When at={r.finishDate} />
            </dd>
          </>
        )}
        <dt>Updated</dt>
        <dd>
          <When at={r.updatedAt} />
        </dd>
      </dl>
      <ol class="timeline">
        {timeline.entries.map((entry, i) => (
          <EventRow
            key={`${entry.event.at}-${i}`}
            event={entry.event}
            channel={channel}
            shared={entry.shared}
          />
        ))}
      </ol>
    </details>
  );
}
