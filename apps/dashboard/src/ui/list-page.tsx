import { useMemo } from 'preact/hooks';
import { listSearchOf, parseListParams } from '../lib/list-query.ts';
import { newerPage, olderPage, type PagePosition, pageNumber, trailFromState } from '../lib/paging.ts';
import { ErrorBox } from './bits.tsx';
import { FilterForm } from './filter-form.tsx';
import { MessageTable } from './message-table.tsx';
import { useRouter } from './router.tsx';
import { useSignedIn } from './session.tsx';
import { useResource } from './use-resource.tsx';

/** Messages newest first, searched and filtered on the server, one page (one API call) at a time. */
export function ListPage() {
  const { place, navigate } = useRouter();
  const { client } = useSignedIn();
  const params = useMemo(() => parseListParams(place.search), [place.search]);
  const position: PagePosition = useMemo(
    () => (params.cursor ? { cursor: params.cursor, trail: trailFromState(place.state) } : { trail: [] }),
    [params.cursor, place.state],
  );
  const page = useResource(place.search, () => client.listMessages(params), { keepStale: true });
  const go = (to: PagePosition) => {
    const { cursor: _old, ...filters } = params;
    navigate(listSearchOf({ ...filters, ...(to.cursor ? { cursor: to.cursor } : {}) }), {
      state: { trail: to.trail },
    });
  };
  const newer = newerPage(position);
  const next = page.data?.nextCursor;
  return (
    <>
      <h1>Messages</h1>
      <FilterForm params={params} />
      {page.error && <ErrorBox error={page.error} />}
      <nav class="pager" aria-label="Pages">
        <button type="button" disabled={!newer} onClick={() => newer && go(newer)}>
          ← Newer
        </button>
        <span data-testid="page-number">Page {pageNumber(position)}</span>
        <button type="button" disabled={!next} onClick={() => next && go(olderPage(position, next))}>
          Older →
        </button>
        <span class="spacer" />
        {page.loading && <span class="muted">Loading…</span>}
        <button type="button" onClick={page.reload}>
          Refresh
        </button>
      </nav>
      {page.data &&
        (page.data.items.length > 0 ? (
          <MessageTable items={page.data.items} />
        ) : (
          <p class="empty">{params.cursor ? 'No older messages.' : 'No messages match.'}</p>
        ))}
    </>
  );
}
