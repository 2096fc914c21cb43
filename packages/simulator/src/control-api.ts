import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AnswerDelivery, SmsReply } from './answers.ts';
import type { Faults } from './faults.ts';
import { FaultsValidationError } from './faults.ts';
import { readBody, sendJson } from './http-utils.ts';
import type { SimJobView } from './job-view.ts';
import type { SimStats } from './stats.ts';

/** What the control API drives: the same operations the in-process Simulator offers. */
export interface ControlTarget {
  stats(): SimStats;
  job(jobId: string): SimJobView | undefined;
  faults(): Faults;
  /** @throws FaultsValidationError for a bad patch. */
  setFaults(patch: unknown): Faults;
  reset(): void;
  /** Undefined when no job has this JobID. */
  deliverReply(jobId: string, reply: SmsReply): Promise<AnswerDelivery | undefined>;
}

const CONTROL_BODY_LIMIT = 1024 * 1024;
const JOB_PATH = /^\/_sim\/jobs\/([^/]+)(\/reply)?$/;

/** Serves `/_sim/*`: stats, jobs, faults, reset and SMS replies, all JSON. */
export async function handleControl(
  target: ControlTarget,
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
): Promise<void> {
  const method = request.method ?? 'GET';
  const notAllowed = (): void => sendJson(response, 405, { error: `${method} is not allowed on ${path}` });
  if (path === '/_sim/stats')
    return method === 'GET' ? sendJson(response, 200, target.stats()) : notAllowed();
  if (path === '/_sim/reset') {
    if (method !== 'POST') return notAllowed();
    target.reset();
    return sendJson(response, 200, { reset: true });
  }
  if (path === '/_sim/faults') {
    if (method === 'GET') return sendJson(response, 200, target.faults());
    if (method !== 'PUT') return notAllowed();
    const patch = await readJson(request, response);
    if (patch === undefined) return;
    try {
      return sendJson(response, 200, target.setFaults(patch.value));
    } catch (error) {
      if (error instanceof FaultsValidationError) return sendJson(response, 400, { error: error.message });
      throw error;
    }
  }
  const match = JOB_PATH.exec(path);
  if (match === null) return sendJson(response, 404, { error: `no control route ${path}` });
  let jobId: string;
  try {
    jobId = decodeURIComponent(match[1] ?? '');
  } catch {
    return sendJson(response, 400, { error: 'the JobID in the path is not valid percent-encoding' });
  }
  if (match[2] === undefined) {
    if (method !== 'GET') return notAllowed();
    const view = target.job(jobId);
    return view === undefined
      ? sendJson(response, 404, { error: `unknown job ${jobId}` })
      : sendJson(response, 200, view);
  }
  if (method !== 'POST') return notAllowed();
  const body = await readJson(request, response);
  if (body === undefined) return;
  const reply = body.value as { from?: unknown; message?: unknown } | null;
  if (typeof reply?.from !== 'string' || typeof reply.message !== 'string') {
    return sendJson(response, 400, { error: 'body must be {"from": string, "message": string}' });
  }
  const delivery = await target.deliverReply(jobId, { from: reply.from, message: reply.message });
  if (delivery === undefined) return sendJson(response, 404, { error: `unknown job ${jobId}` });
  return sendJson(response, 200, delivery);
}

async function readJson(
  request: IncomingMessage,
  response: ServerResponse,
): Promise<{ value: unknown } | undefined> {
  try {
    const body = await readBody(request, CONTROL_BODY_LIMIT);
    return { value: JSON.parse(body.toString('utf8')) as unknown };
  } catch (error) {
    sendJson(response, 400, {
      error: `body must be JSON: ${error instanceof Error ? error.message : 'unreadable'}`,
    });
    return undefined;
  }
}
