import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiFailure } from '../lib/api-client.ts';
import { useSignedIn } from './session.tsx';

/** What a page knows about data it loads from the api. */
export interface Resource<T> {
  readonly data: T | undefined;
  readonly error: ApiFailure | undefined;
  readonly loading: boolean;
  /** Loads again now (after an action, or the Refresh button). */
  reload(): void;
  /** Replaces the data with what an action answered, without another request. */
  set(data: T): void;
}

/** Options of {@link useResource}. */
export interface ResourceOptions<T> {
  /** Loads again every this many ms while the page is open. @defaultValue no refresh */
  readonly refreshMs?: number;
  /** Whether to keep refreshing given the data (a final message stops). @defaultValue always */
  readonly keepRefreshing?: (data: T) => boolean;
  /** Keep showing the previous key's data until the new one arrives (paging). @defaultValue false */
  readonly keepStale?: boolean;
}

/**
 * Loads `load()` when `key` changes, keeps only the answer to the latest request, refreshes on a timer that
 * stops with the page, and signs out when the api no longer takes the credentials (401).
 */
export function useResource<T>(
  key: string,
  load: () => Promise<T>,
  options: ResourceOptions<T> = {},
): Resource<T> {
  const { signOut } = useSignedIn();
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiFailure | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const run = useCallback(() => {
    const ticket = ++latest.current;
    setLoading(true);
    loadRef.current().then(
      (value) => {
        if (ticket !== latest.current) return;
        setData(value);
        setError(undefined);
        setLoading(false);
      },
      (failure: unknown) => {
        if (ticket !== latest.current) return;
        if (failure instanceof ApiFailure && failure.status === 401) return signOut();
        setError(failure instanceof ApiFailure ? failure : new ApiFailure(0, String(failure)));
        setLoading(false);
      },
    );
  }, [signOut]);

  useEffect(() => {
    if (!options.keepStale) setData(undefined);
    run();
  }, [key, run]);

  const keep = data === undefined || !options.keepRefreshing || options.keepRefreshing(data);
  useEffect(() => {
    if (!options.refreshMs || !keep) return;
    const timer = setInterval(run, options.refreshMs);
    return () => clearInterval(timer);
  }, [options.refreshMs, keep, run]);

  const set = useCallback((value: T) => {
    latest.current++;
    setData(value);
    setError(undefined);
    setLoading(false);
  }, []);
  return { data, error, loading, reload: run, set };
}
