import { overallMeanMs, totalCount } from '../lib/chart.ts';
import { formatDuration, formatTime } from '../lib/format.ts';
import { AccountState } from './account-state.tsx';
import { ErrorBox } from './bits.tsx';
import { QueueTable } from './queue-table.tsx';
import { SeriesChart } from './series-chart.tsx';
import { useSignedIn } from './session.tsx';
import { useResource } from './use-resource.tsx';

const REFRESH_MS = 5000;
const count = (n: number) => String(Math.round(n));

/** Queue depths, account state, and throughput and latency over the last hour; refreshes every 5 s. */
export function HealthPage() {
  const { client } = useSignedIn();
  const overview = useResource('overview', () => client.overview(), { refreshMs: REFRESH_MS });
  const o = overview.data;
  return (
    <>
      <div class="title-row">
        <h1>Health</h1>
        <span class="muted small">
          {o ? `updated ${formatTime(new Date().toISOString())}, every 5 s` : 'loading…'}
        </span>
      </div>
      {overview.error && <ErrorBox error={overview.error} />}
      {o?.demo && (
        <p class="banner demo" role="note">
          Demo mode: the eCall simulator answers. Nothing is sent to real phones, faxes or voice lines.
        </p>
      )}
      {o && (
        <>
          <AccountState overview={o} onResumed={overview.reload} />
          <h2>Queues</h2>
          <QueueTable queues={o.queues} />
          <h2>Last hour</h2>
          <div class="charts">
            <SeriesChart
              title="Accepted by eCall per minute"
              summary={`${totalCount(o.series.accepted)} in the hour`}
              points={o.series.accepted}
              measure={(p) => p.count}
              format={count}
            />
            <SeriesChart
              title="Final states per minute"
              summary={`${totalCount(o.series.final)} in the hour`}
              points={o.series.final}
              measure={(p) => p.count}
              format={count}
            />
            <SeriesChart
              title="Queue to accepted (mean)"
              summary={`mean ${formatDuration(overallMeanMs(o.series.accepted))}`}
              points={o.series.accepted}
              measure={(p) => p.meanMs}
              format={formatDuration}
            />
            <SeriesChart
              title="Accepted to final (mean)"
              summary={`mean ${formatDuration(overallMeanMs(o.series.final))}`}
              points={o.series.final}
              measure={(p) => p.meanMs}
              format={formatDuration}
            />
          </div>
        </>
      )}
    </>
  );
}
