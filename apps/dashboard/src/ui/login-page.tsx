import { useState } from 'preact/hooks';
import { authorizationFor } from '../lib/auth-header.ts';

interface LoginProps {
  submit(authorization: string): Promise<void>;
  readonly notice?: string;
}

/** Sign-in with the api's own credentials: a user name and password (Basic), or an API key alone (Bearer). */
export function LoginPage({ submit, notice }: LoginProps) {
  const [name, setName] = useState('');
  const [secret, setSecret] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    let authorization: string;
    try {
      authorization = authorizationFor({ name, secret });
    } catch (error) {
      setProblem((error as Error).message);
      return;
    }
    setProblem(undefined);
    setBusy(true);
    await submit(authorization);
    setBusy(false);
  };
  const message = problem ?? notice;
  return (
    <main class="login">
      <form class="card login-card" onSubmit={onSubmit} aria-labelledby="login-title">
        <h1 id="login-title">ecall-relay</h1>
        <p class="muted">Sign in with your api user, or leave the name empty and paste an API key.</p>
        <label>
          User name
          <input
            name="username"
            autocomplete="username"
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </label>
        <label>
          Password or API key
          <input
            name="password"
            type="password"
            autocomplete="current-password"
            required
            value={secret}
            onInput={(e) => setSecret(e.currentTarget.value)}
          />
        </label>
        {message && (
          <p class="error" role="alert">
            {message}
          </p>
        )}
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
