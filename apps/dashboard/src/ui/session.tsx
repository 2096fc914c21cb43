import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { type ApiClient, ApiFailure, createApiClient } from '../lib/api-client.ts';
import { type Capabilities, capabilitiesOf } from '../lib/capabilities.ts';
import type { Session } from '../lib/ops-types.ts';

// Per tab and gone when it closes: a shared admin workstation keeps no credentials after the tab is closed.
const STORAGE_KEY = 'ecall-relay.authorization';

/** The signed-in user, the api client with their credentials, and what they may do. */
export interface SignedIn {
  readonly session: Session;
  readonly client: ApiClient;
  readonly can: Capabilities;
  signOut(): void;
}

const SessionContext = createContext<SignedIn | undefined>(undefined);

/** The signed-in user; only inside {@link SessionGate}'s children. */
export function useSignedIn(): SignedIn {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSignedIn outside a signed-in session');
  return value;
}

type GateState =
  | { readonly kind: 'checking' }
  | { readonly kind: 'signed-out'; readonly notice?: string }
  | { readonly kind: 'signed-in'; readonly session: Session; readonly authorization: string };

/** Tries `authorization` against the api; the answer decides between signed in and a message why not. */
async function check(authorization: string): Promise<GateState> {
  try {
    const session = await createApiClient({ authorization }).session();
    return { kind: 'signed-in', session, authorization };
  } catch (error) {
    if (error instanceof ApiFailure && error.status === 401)
      return { kind: 'signed-out', notice: 'Wrong name, password or API key.' };
    if (error instanceof ApiFailure && error.status === 403)
      return { kind: 'signed-out', notice: 'This user lacks the read role the dashboard needs.' };
    return { kind: 'signed-out', notice: error instanceof Error ? error.message : String(error) };
  }
}

interface GateProps {
  /** Renders the sign-in page; `submit` resolves once the attempt is decided. */
  readonly signIn: (props: {
    submit(authorization: string): Promise<void>;
    notice?: string;
  }) => ComponentChildren;
  readonly children: ComponentChildren;
}

/** Shows the sign-in page until the api accepts the credentials, then the app with a {@link SignedIn}. */
export function SessionGate({ signIn, children }: GateProps) {
  const [state, setState] = useState<GateState>(() =>
    sessionStorage.getItem(STORAGE_KEY) ? { kind: 'checking' } : { kind: 'signed-out' },
  );
  useEffect(() => {
    const stored = sessionStorage.getItem(STORAGE_KEY);
    if (stored) void check(stored).then(setState);
  }, []);
  const submit = useCallback(async (authorization: string) => {
    const next = await check(authorization);
    if (next.kind === 'signed-in') sessionStorage.setItem(STORAGE_KEY, authorization);
    setState(next);
  }, []);
  const signOut = useCallback(() => {
    sessionStorage.removeItem(STORAGE_KEY);
    setState({ kind: 'signed-out' });
  }, []);
  const value = useMemo<SignedIn | undefined>(
    () =>
      state.kind === 'signed-in'
        ? {
            session: state.session,
            client: createApiClient({ authorization: state.authorization }),
            can: capabilitiesOf(state.session.user.roles),
            signOut,
          }
        : undefined,
    [state, signOut],
  );
  if (state.kind === 'checking') return <p class="loading">Signing in…</p>;
  if (!value)
    return (
      <>
        {signIn({ submit, ...(state.kind === 'signed-out' && state.notice ? { notice: state.notice } : {}) })}
      </>
    );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
