import { formatDuration } from '../lib/format.ts';
import type { Reply } from '../lib/timeline.ts';
import type { Channel, DeliveryView, HistoryEvent } from '../lib/types.ts';
import { When } from './bits.tsx';
import { EventRow } from './recipient-card.tsx';

/** Events about addresses that are none of the recipients (members of an address-book group, say). */
export function OtherEvents({ events, channel }: { events: readonly HistoryEvent[]; channel: Channel }) {
  if (events.length === 0) return null;
  return (
    <section>
      <h2>Other addresses</h2>
      <ol class="timeline card">
        {events.map((event, i) => (
          <EventRow key={`${event.at}-${i}`} event={event} channel={channel} shared={false} />
        ))}
      </ol>
    </section>
  );
}

/** Answers recipients sent to an SMS. */
export function Replies({ replies }: { replies: readonly Reply[] }) {
  if (replies.length === 0) return null;
  return (
    <section>
      <h2>Replies</h2>
      <ul class="card replies">
        {replies.map((r, i) => (
          <li key={`${r.at}-${i}`}>
            <When at={r.at} /> <span class="mono">{r.from}</span>: {r.text}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Attempts to tell the host system about this message's events (webhooks). */
export function Deliveries({ deliveries }: { deliveries: readonly DeliveryView[] }) {
  return (
    <section>
      <h2>Host webhook deliveries</h2>
      {deliveries.length === 0 ? (
        <p class="muted">None yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Event</th>
              <th scope="col">To</th>
              <th scope="col">Attempt</th>
              <th scope="col">Outcome</th>
              <th scope="col">Took</th>
            </tr>
          </thead>
          <tbody>
            {deliveries.map((d) => (
              <tr key={`${d.seq}-${d.destination}-${d.attempt}`}>
                <td>
                  <When at={d.at} />
                </td>
                <td>
                  #{d.seq} {d.type}
                </td>
                <td class="mono small">{d.url}</td>
                <td>{d.attempt}</td>
                <td>
                  {d.outcome}
                  {d.status !== undefined && <span class="muted"> (HTTP {d.status})</span>}
                  {(d.error ?? d.faultMessage) && <div class="small muted">{d.error ?? d.faultMessage}</div>}
                </td>
                <td>{formatDuration(d.durationMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
