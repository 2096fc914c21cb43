import { useState } from 'preact/hooks';
import { ApiFailure } from '../lib/api-client.ts';
import { messageActions } from '../lib/capabilities.ts';
import { messagePath } from '../lib/routes.ts';
import type { Message } from '../lib/types.ts';
import { ErrorBox } from './bits.tsx';
import { useRouter } from './router.tsx';
import { useSignedIn } from './session.tsx';

type Pending = 'cancel' | 'retry' | undefined;

interface ActionsProps {
  readonly message: Message;
  /** The message was retried already (the server answers a second retry with 409). */
  readonly retried: boolean;
  onChanged(next: Message): void;
}

/**
 * Retry and cancel for admins, each confirmed by a second click (a mis-click at 3 a.m. must not resend an
 * alarm). Buttons show only for statuses and roles the server accepts; the server checks again.
 */
export function MessageActions({ message, retried, onChanged }: ActionsProps) {
  const { client, can } = useSignedIn();
  const { navigate } = useRouter();
  const [confirming, setConfirming] = useState<Pending>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiFailure | undefined>(undefined);
  const possible = messageActions(can, message.status);
  const allowed = { ...possible, retry: possible.retry && !retried };
  if (!allowed.retry && !allowed.cancel) return null;

  const act = async (action: 'cancel' | 'retry') => {
    setBusy(true);
    setError(undefined);
    try {
      if (action === 'cancel') onChanged(await client.cancelMessage(message.id));
      else navigate(messagePath((await client.retryMessage(message.id)).id));
    } catch (failure) {
      setError(failure instanceof ApiFailure ? failure : new ApiFailure(0, String(failure)));
    } finally {
      setBusy(false);
      setConfirming(undefined);
    }
  };
  const labels = {
    cancel: { ask: 'Cancel message', confirm: 'Yes, cancel it' },
    retry: { ask: 'Retry as a new message', confirm: 'Yes, send it again' },
  } as const;
  return (
    <div class="actions">
      {(['retry', 'cancel'] as const)
        .filter((action) => allowed[action])
        .map((action) =>
          confirming === action ? (
            <span class="confirm" key={action}>
              <button type="button" class="danger" disabled={busy} onClick={() => void act(action)}>
                {labels[action].confirm}
              </button>
              <button type="button" disabled={busy} onClick={() => setConfirming(undefined)}>
                Keep it
              </button>
            </span>
          ) : (
            <button type="button" key={action} disabled={busy} onClick={() => setConfirming(action)}>
              {labels[action].ask}
            </button>
          ),
        )}
      {error && <ErrorBox error={error} />}
    </div>
  );
}
