import { useState } from 'preact/hooks';
import { ApiFailure } from '../lib/api-client.ts';
import type { Overview } from '../lib/ops-types.ts';
import { ErrorBox, When } from './bits.tsx';
import { useSignedIn } from './session.tsx';

/** Account pause state, and Resume for admins. */
export function AccountState({ overview, onResumed }: { overview: Overview; onResumed(): void }) {
  const { client, can } = useSignedIn();
  const [error, setError] = useState<ApiFailure | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const pause = overview.accountPause;
  if (!pause) {
    return (
      <section class="card account ok" data-testid="account">
        <strong>Sending is running.</strong> <span class="muted">No account-level error from eCall.</span>
      </section>
    );
  }
  const resume = async () => {
    setBusy(true);
    try {
      await client.resumeAccount();
      setError(undefined);
      onResumed();
    } catch (failure) {
      setError(failure instanceof ApiFailure ? failure : new ApiFailure(0, String(failure)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card account paused" data-testid="account">
      <strong>Sending is paused</strong> since <When at={pause.since} />: eCall answered{' '}
      <span class="mono">{pause.code}</span> {pause.text}. A worker tries one message again at{' '}
      <When at={pause.probeAt} />.
      {can.resume && (
        <div class="actions">
          <button type="button" class="primary" disabled={busy} onClick={() => void resume()}>
            Resume sending
          </button>
          <span class="muted small">Only once the cause (credit, credentials) is fixed.</span>
        </div>
      )}
      {error && <ErrorBox error={error} />}
    </section>
  );
}
