import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';

/** The base every dashboard URL starts with (Vite's `base`, `/ui/`). */
export const BASE = import.meta.env.BASE_URL;

/** Where the browser is, below {@link BASE}. */
export interface Place {
  /** Path below the base, without a leading slash: `''`, `health`, `messages/01K...`. */
  readonly path: string;
  /** The query string, `?status=failed` or `''`. */
  readonly search: string;
  /** The history entry's state (the list keeps its paging trail there). */
  readonly state: unknown;
}

interface Router {
  readonly place: Place;
  /** Goes to a path below the base (with its query string), adding a history entry unless `replace`. */
  navigate(to: string, options?: { readonly state?: unknown; readonly replace?: boolean }): void;
}

const RouterContext = createContext<Router | undefined>(undefined);

function currentPlace(): Place {
  const { pathname, search } = window.location;
  const path = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : '';
  return { path, search, state: window.history.state };
}

/** Keeps the place in step with the address bar (links, Back and Forward) without reloading the page. */
export function RouterProvider({ children }: { children: ComponentChildren }) {
  const [place, setPlace] = useState(currentPlace);
  useEffect(() => {
    const onPop = () => setPlace(currentPlace());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const router = useMemo<Router>(
    () => ({
      place,
      navigate(to, options = {}) {
        const url = `${BASE}${to.replace(/^\/+/, '')}`;
        if (options.replace) window.history.replaceState(options.state ?? null, '', url);
        else window.history.pushState(options.state ?? null, '', url);
        setPlace(currentPlace());
        if (!options.replace) window.scrollTo(0, 0);
      },
    }),
    [place],
  );
  return <RouterContext.Provider value={router}>{children}</RouterContext.Provider>;
}

/** The router of the surrounding {@link RouterProvider}. */
export function useRouter(): Router {
  const router = useContext(RouterContext);
  if (!router) throw new Error('useRouter needs a RouterProvider');
  return router;
}

interface LinkProps {
  /** Path below the base, with its query string. */
  readonly to: string;
  readonly class?: string;
  readonly 'aria-current'?: 'page' | undefined;
  readonly children: ComponentChildren;
}

/** An in-app link: a real href (open in new tab works), navigation without a reload on a plain click. */
export function Link({ to, children, class: className, 'aria-current': current }: LinkProps) {
  const { navigate } = useRouter();
  const onClick = (event: MouseEvent) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a class={className} aria-current={current} href={`${BASE}${to.replace(/^\/+/, '')}`} onClick={onClick}>
      {children}
    </a>
  );
}
