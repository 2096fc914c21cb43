import { useState } from 'preact/hooks';
import { ApiFailure } from '../lib/api-client.ts';
import { overallMeanMs, totalCount } from '../lib/chart.ts';
import { formatDuration, formatTime } from '../lib/format.ts';
import type { Overview } from '../lib/types.ts';
import { ErrorBox, When } from './bits.tsx';
import { SeriesChart } from './series-chart.tsx';
import { useSignedIn } from './session.tsx';
import { useResource } from './use-resource.tsx';

const REFRESH_MS = 5000;
const count = (n: number) => String(Math.round(n));

/** Account pause state, and Resume for admins. */
function AccountState({ overview, onResumed }: { overview: Overview; onResumed(): void }) {
  const { client, can } = useSignedIn();
  const [error, setError] = useState<ApiFailure | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const pause = overview.accountPause;
  if (!pause) {
    return (
      <section class="card account ok" data-testid="account">
        <strong>Sending is running.</strong> <span class="muted">No account-level error from eCall.</span>
      </section>
    );
  }
  const resume = async () => {
    setBusy(true);
    try {
      await client.resumeAccount();
      setError(undefined);
      onResumed();
    } catch (failure) {
      setError(failure instanceof ApiFailure ? failure : new ApiFailure(0, String(failure)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card account paused" data-testid="account">
      <strong>Sending is paused</strong> since <When at={pause.since} />: eCall answered{' '}
      <span class="mono">{pause.code}</span> {pause.text}. A worker tries one message again at{' '}
      <When at={pause.probeAt} />.
      {can.resume && (
        <div class="actions">
          <button type="button" class="primary" disabled={busy} onClick={() => void resume()}>
            Resume sending
          </button>
          <span class="muted small">Only once the cause (credit, credentials) is fixed.</span>
        </div>
      )}
      {error && <ErrorBox error={error} />}
    </section>
  );
}

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
              {Object.entries(o.queues).map(([name, q]) => (
                <tr key={name} data-queue={name}>
                  <th scope="row" class="mono">
                    {name}
                  </th>
                  <td class="num">{q.waiting}</td>
                  <td class="num">{q.active}</td>
                  <td class="num">{q.delayed}</td>
                  <td class={q.failed > 0 ? 'num bad-text' : 'num'}>{q.failed}</td>
                  <td>
                    {q.paused ? (
                      <span class="badge warn">paused</span>
                    ) : (
                      <span class="badge good">running</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
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
