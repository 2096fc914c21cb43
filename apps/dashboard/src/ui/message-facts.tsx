import { Fragment } from 'preact';
import type { Message } from '../lib/types.ts';
import { When } from './bits.tsx';

/** Options shown elsewhere on the page, or not worth a line. */
const HIDDEN_OPTIONS = new Set(['retryOf', 'callbackUrl']);

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** What was asked and what eCall answered: times, attempts, the last code with its text, request ids. */
export function MessageFacts({
  message: m,
  requestIds,
}: {
  message: Message;
  requestIds: readonly string[];
}) {
  const options = Object.entries(m.options).filter(([key]) => !HIDDEN_OPTIONS.has(key));
  return (
    <section class="card">
      <dl class="facts">
        <dt>Channel</dt>
        <dd>{m.channel}</dd>
        <dt>Created</dt>
        <dd>
          <When at={m.createdAt} />
          {m.createdBy && <span class="muted"> by {m.createdBy}</span>}
        </dd>
        {m.submittedAt && (
          <>
            <dt>Submitted</dt>
            <dd>
              <When at={m.submittedAt} />
            </dd>
          </>
        )}
        {m.acceptedAt && (
          <>
            <dt>Accepted by eCall</dt>
            <dd>
              <When at={m.acceptedAt} />
            </dd>
          </>
        )}
        {m.finalAt && (
          <>
            <dt>Final</dt>
            <dd>
              <When at={m.finalAt} />
            </dd>
          </>
        )}
        {m.nextAttemptAt && (
          <>
            <dt>Next attempt</dt>
            <dd>
              <When at={m.nextAttemptAt} />
            </dd>
          </>
        )}
        <dt>Attempts</dt>
        <dd>{m.attempts}</dd>
        <dt>Last eCall code</dt>
        <dd data-testid="last-code">
          {m.lastCode === undefined ? (
            <span class="muted">none yet</span>
          ) : (
            <>
              <span class="mono">{m.lastCode}</span> {m.lastText}
              {m.lastDescription && <span class="muted"> — {m.lastDescription}</span>}
            </>
          )}
        </dd>
        <dt>eCall request ids</dt>
        <dd class="mono" data-testid="request-ids">
          {requestIds.length > 0 ? requestIds.join(', ') : <span class="muted">none recorded</span>}
        </dd>
        {options.map(([key, value]) => (
          <Fragment key={key}>
            <dt>{key}</dt>
            <dd class="mono">{show(value)}</dd>
          </Fragment>
        ))}
        {m.metadata && (
          <>
            <dt>Metadata</dt>
            <dd class="mono">{JSON.stringify(m.metadata)}</dd>
          </>
        )}
      </dl>
      <h3>Text</h3>
      <p class="message-text">{m.text}</p>
    </section>
  );
}
