import type { QueueDepth } from '../lib/ops-types.ts';

/** Depth of each queue: waiting, active, delayed, failed, and whether it is paused. */
export function QueueTable({ queues }: { readonly queues: Readonly<Record<string, QueueDepth>> }) {
  return (
    <table class="queues">
      <thead>
        <tr>
          <th scope="col">Queue</th>
          <th scope="col" class="num">
            Waiting
          </th>
          <th scope="col" class="num">
            Active
          </th>
          <th scope="col" class="num">
            Delayed
          </th>
          <th scope="col" class="num">
            Failed
          </th>
          <th scope="col">State</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(queues).map(([name, q]) => (
          <tr key={name} data-queue={name}>
            <th scope="row" class="mono">
              {name}
            </th>
            <td class="num">{q.waiting}</td>
            <td class="num">{q.active}</td>
            <td class="num">{q.delayed}</td>
            <td class={q.failed > 0 ? 'num bad-text' : 'num'}>{q.failed}</td>
            <td>
              {q.paused ? <span class="badge warn">paused</span> : <span class="badge good">running</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
