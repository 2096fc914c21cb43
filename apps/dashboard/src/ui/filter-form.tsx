import { useEffect, useRef, useState } from 'preact/hooks';
import { statusLabel } from '../lib/format.ts';
import {
  classifySearch,
  isoToLocalInput,
  type ListParams,
  listSearchOf,
  localInputToIso,
  PAGE_SIZES,
} from '../lib/list-query.ts';
import { messagePath } from '../lib/routes.ts';
import { CHANNELS, type Channel, MESSAGE_STATUSES, type MessageStatus } from '../lib/types.ts';
import { useRouter } from './router.tsx';

/** The list's search: an id opens that message; recipient, status, channel and time range filter the list. */
export function FilterForm({ params }: { readonly params: ListParams }) {
  const { navigate } = useRouter();
  const [search, setSearch] = useState(params.recipient ?? '');
  const [status, setStatus] = useState<string>(params.status ?? '');
  const [channel, setChannel] = useState<string>(params.channel ?? '');
  const [from, setFrom] = useState(isoToLocalInput(params.from));
  const [to, setTo] = useState(isoToLocalInput(params.to));
  const [limit, setLimit] = useState(params.limit);
  // Back and Forward change the URL under the form: show what the list now shows. Only on a change: effects run
  // after the first frame, and by then the user may have typed into the form that the first render filled.
  const shown = useRef(params);
  useEffect(() => {
    if (shown.current === params) return;
    shown.current = params;
    setSearch(params.recipient ?? '');
    setStatus(params.status ?? '');
    setChannel(params.channel ?? '');
    setFrom(isoToLocalInput(params.from));
    setTo(isoToLocalInput(params.to));
    setLimit(params.limit);
  }, [params]);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const target = classifySearch(search);
    if (target.kind === 'id') return navigate(messagePath(target.id));
    const fromIso = localInputToIso(from);
    const toIso = localInputToIso(to);
    const next: ListParams = {
      ...(target.kind === 'recipient' ? { recipient: target.recipient } : {}),
      ...(status ? { status: status as MessageStatus } : {}),
      ...(channel ? { channel: channel as Channel } : {}),
      ...(fromIso ? { from: fromIso } : {}),
      ...(toIso ? { to: toIso } : {}),
      limit,
    };
    navigate(listSearchOf(next));
  };
  return (
    <form class="filters card" onSubmit={onSubmit} aria-label="Find messages">
      <label class="grow">
        Message id or recipient
        <input
          name="search"
          type="search"
          placeholder="01K… or 079 123 45 67"
          value={search}
          onInput={(e) => setSearch(e.currentTarget.value)}
        />
      </label>
      <label>
        Status
        <select name="status" value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
          <option value="">any</option>
          {MESSAGE_STATUSES.map((s) => (
            <option value={s} key={s}>
              {statusLabel(s)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Channel
        <select name="channel" value={channel} onChange={(e) => setChannel(e.currentTarget.value)}>
          <option value="">any</option>
          {CHANNELS.map((c) => (
            <option value={c} key={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <label>
        Created from
        <input
          name="from"
          type="datetime-local"
          value={from}
          onInput={(e) => setFrom(e.currentTarget.value)}
        />
      </label>
      <label>
        until
        <input name="to" type="datetime-local" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
      </label>
      <label>
        Per page
        <select name="limit" value={String(limit)} onChange={(e) => setLimit(Number(e.currentTarget.value))}>
          {PAGE_SIZES.map((n) => (
            <option value={String(n)} key={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <div class="filter-buttons">
        <button type="submit" class="primary">
          Search
        </button>
        <button type="button" onClick={() => navigate('')}>
          Clear
        </button>
      </div>
    </form>
  );
}
