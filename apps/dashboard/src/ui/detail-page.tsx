import { FINAL_STATUSES } from '../lib/capabilities.ts';
import { messagePath } from '../lib/routes.ts';
import { buildTimelines, requestIdsOf, retriedAs, retryOf } from '../lib/timeline.ts';
import type { Message } from '../lib/types.ts';
import { ErrorBox, StatusBadge } from './bits.tsx';
import { Deliveries, OtherEvents, Replies } from './detail-sections.tsx';
import { MessageActions } from './message-actions.tsx';
import { MessageFacts } from './message-facts.tsx';
import { RecipientCard } from './recipient-card.tsx';
import { Link } from './router.tsx';
import { useSignedIn } from './session.tsx';
import { useResource } from './use-resource.tsx';

/** Recipients whose timelines start open; with more, the page would be too long to scan. */
const OPEN_RECIPIENTS = 5;

/** One message: status, facts, actions, and each recipient's timeline; refreshes until the message is final. */
export function DetailPage({ id }: { readonly id: string }) {
  const { client } = useSignedIn();
  const message = useResource(id, () => client.getMessage(id), {
    refreshMs: 3000,
    keepRefreshing: (m: Message) => !FINAL_STATUSES.includes(m.status),
  });
  const m = message.data;
  if (!m) {
    return (
      <>
        <Link to="">← Messages</Link>
        {message.error ? <ErrorBox error={message.error} /> : <p class="loading">Loading…</p>}
      </>
    );
  }
  const timelines = buildTimelines(m);
  const original = retryOf(m);
  const copy = retriedAs(m.history);
  return (
    <>
      <Link to="">← Messages</Link>
      <div class="title-row">
        <h1>
          Message <span class="mono">{m.id}</span>
        </h1>
        <StatusBadge status={m.status} />
        {!FINAL_STATUSES.includes(m.status) && <span class="muted small">refreshing every 3 s</span>}
      </div>
      {(original || copy) && (
        <p class="links">
          {original && (
            <>
              Retry of{' '}
              <Link to={messagePath(original)} class="mono">
                {original}
              </Link>
              .{' '}
            </>
          )}
          {copy && (
            <>
              Retried as{' '}
              <Link to={messagePath(copy)} class="mono">
                {copy}
              </Link>
              .
            </>
          )}
        </p>
      )}
      <MessageActions message={m} retried={copy !== undefined} onChanged={message.set} />
      {message.error && <ErrorBox error={message.error} />}
      <MessageFacts message={m} requestIds={requestIdsOf(m)} />
      <h2>
        Recipients <span class="muted">({m.recipients.length})</span>
      </h2>
      {timelines.recipients.map((t, i) => (
        <RecipientCard
          key={t.recipient.address}
          timeline={t}
          channel={m.channel}
          open={i < OPEN_RECIPIENTS}
        />
      ))}
      <OtherEvents events={timelines.unmatched} channel={m.channel} />
      <Replies replies={timelines.replies} />
      {m.deliveries && <Deliveries deliveries={m.deliveries} />}
    </>
  );
}
