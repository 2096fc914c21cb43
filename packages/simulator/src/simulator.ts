import type { AddressInfo } from 'node:net';
import { deliverAnswer, type SmsReply } from './answers.ts';
import type { ControlTarget } from './control-api.ts';
import type { Faults } from './faults.ts';
import { createSimServer } from './http-server.ts';
import { Delays } from './http-utils.ts';
import { buildJobView, type SimJobView } from './job-view.ts';
import { resolveOptions, type SimulatorOptions } from './options.ts';
import { createContext, resetContext } from './sim-context.ts';
import type { SimStats } from './stats.ts';
import { loadWsdl } from './wsdl.ts';

/** A running simulator. */
export interface Simulator {
  /** Base URL, e.g. `http://127.0.0.1:4010`. */
  readonly url: string;
  /** The SOAP endpoint: `url + '/eCall.asmx'`. */
  readonly endpoint: string;
  /** `endpoint + '?wsdl'`. */
  readonly wsdlUrl: string;
  readonly port: number;
  /** The same JSON as GET /_sim/stats (a snapshot). */
  stats(): SimStats;
  /** Every job stored under this JobID, or undefined when there is none. */
  job(jobId: string): SimJobView | undefined;
  /** A copy of the current faults. */
  faults(): Faults;
  /**
   * Merges a patch into the current faults.
   * @throws FaultsValidationError when a field is unknown or out of range.
   */
  setFaults(patch: Partial<Faults>): Faults;
  /** Jobs, stats, points and faults back to the start options. */
  reset(): void;
  /**
   * Simulates an SMS answer: calls the notification URLs of the last job with this JobID with
   * `Function=Answer`, and resolves once the calls are done (a failing receiver is only counted).
   * @throws Error when no job has this JobID.
   */
  sendReply(jobId: string, reply: { from: string; message: string }): Promise<void>;
  /** Stops listening, drops open connections, pending answers and events. Idempotent. */
  close(): Promise<void>;
}

/**
 * Starts an eCall simulator listening on `host:port`.
 * @throws RangeError for invalid options; FaultsValidationError for bad start faults; the listen error
 * (e.g. EADDRINUSE) when the port cannot be bound.
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const config = resolveOptions(options);
  const context = createContext(config);
  const delays = new Delays();
  let wsdl = '';
  const lastJob = (jobId: string) => context.jobs.allWithId(jobId).at(-1);
  const control: ControlTarget = {
    stats: () => ({ ...structuredClone(context.stats), soapInProgress: context.inProgress.snapshot() }),
    job: (jobId) => {
      const jobs = context.jobs.allWithId(jobId);
      return jobs.length === 0 ? undefined : buildJobView(jobId, jobs, Date.now(), context.timeline);
    },
    faults: () => context.faults.current(),
    setFaults: (patch) => context.faults.update(patch),
    reset: () => resetContext(context),
    deliverReply: async (jobId: string, reply: SmsReply) => {
      const job = lastJob(jobId);
      return job === undefined ? undefined : deliverAnswer(context, job, reply, Date.now());
    },
  };
  const server = createSimServer({ context, control, delays, wsdl: () => wsdl });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const hostInUrl = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${hostInUrl}:${String(port)}`;
  const endpoint = `${url}/eCall.asmx`;
  wsdl = await loadWsdl(endpoint);
  let closing: Promise<void> | undefined;
  return {
    url,
    endpoint,
    wsdlUrl: `${endpoint}?wsdl`,
    port,
    stats: control.stats,
    job: control.job,
    faults: control.faults,
    setFaults: (patch) => context.faults.update(patch),
    reset: control.reset,
    sendReply: async (jobId, reply) => {
      if ((await control.deliverReply(jobId, reply)) === undefined)
        throw new Error(`no simulated job ${jobId}`);
    },
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        delays.close();
        context.scheduler.close();
        context.notifier.close();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
