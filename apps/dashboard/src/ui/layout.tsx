import type { ComponentChildren } from 'preact';
import { Link, useRouter } from './router.tsx';
import { useSignedIn } from './session.tsx';

/** Header with navigation, the demo flag and the signed-in user; the page below. */
export function Layout({ children }: { children: ComponentChildren }) {
  const { session, signOut } = useSignedIn();
  const { place } = useRouter();
  const current = (page: 'messages' | 'health') =>
    (page === 'health' ? place.path.startsWith('health') : !place.path.startsWith('health'))
      ? 'page'
      : undefined;
  return (
    <>
      <header class="topbar">
        <Link to="" class="brand">
          ecall-relay
        </Link>
        <nav aria-label="Pages">
          <Link to="" aria-current={current('messages')}>
            Messages
          </Link>
          <Link to="health" aria-current={current('health')}>
            Health
          </Link>
        </nav>
        {session.demo && (
          <span class="demo-tag" title="The eCall simulator answers; nothing reaches real phones.">
            DEMO
          </span>
        )}
        <span class="spacer" />
        <span class="user" data-testid="user">
          {session.user.name} <span class="muted">({session.user.roles.join(', ')})</span>
        </span>
        <button type="button" class="link-button" onClick={signOut}>
          Sign out
        </button>
      </header>
      <main class="page">{children}</main>
    </>
  );
}
