import type { HostileAnswer } from './client.ts';
import type { HostileCategory, HostileRequest } from './types.ts';

/** Why one answer breaks the hostile-input goals. */
export type Violation = 'no answer' | '5xx' | 'not refused' | 'no faultInfo';

/** Everything counted over a hostile run. */
export interface HostileTally {
  readonly sent: number;
  readonly byCategory: Partial<Record<HostileCategory, number>>;
  readonly byStatus: Record<string, number>;
  readonly violations: Partial<Record<Violation, number>>;
  /** The first few offending requests, enough to reproduce them. */
  readonly samples: readonly string[];
  readonly slowestMs: number;
}

const MAX_SAMPLES = 10;

/** Whether `body` is the api's error shape: `{ faultInfo: { errorCode: number, message: string } }`. */
export function hasFaultInfo(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as { faultInfo?: { errorCode?: unknown; message?: unknown } };
    return typeof parsed.faultInfo?.errorCode === 'number' && typeof parsed.faultInfo.message === 'string';
  } catch {
    return false;
  }
}

/** What is wrong with one answer to a bad request, if anything: it must be a 4xx with a faultInfo body. */
export function judge(answer: HostileAnswer): Violation | undefined {
  if ('error' in answer) return 'no answer';
  if (answer.status >= 500) return '5xx';
  if (answer.status < 400) return 'not refused';
  return hasFaultInfo(answer.body) ? undefined : 'no faultInfo';
}

/** Collects answers into a {@link HostileTally}. */
export function createTally() {
  const tally = {
    sent: 0,
    byCategory: {} as Partial<Record<HostileCategory, number>>,
    byStatus: {} as Record<string, number>,
    violations: {} as Partial<Record<Violation, number>>,
    samples: [] as string[],
    slowestMs: 0,
  };
  return {
    add(req: HostileRequest, answer: HostileAnswer): void {
      tally.sent++;
      tally.byCategory[req.category] = (tally.byCategory[req.category] ?? 0) + 1;
      const status = 'error' in answer ? 'error' : String(answer.status);
      tally.byStatus[status] = (tally.byStatus[status] ?? 0) + 1;
      tally.slowestMs = Math.max(tally.slowestMs, answer.ms);
      const violation = judge(answer);
      if (!violation) return;
      tally.violations[violation] = (tally.violations[violation] ?? 0) + 1;
      if (tally.samples.length < MAX_SAMPLES) {
        const detail = 'error' in answer ? answer.error : `${answer.status} ${answer.body.slice(0, 200)}`;
        const body = req.body ? ` body=${JSON.stringify(req.body.subarray(0, 200).toString('latin1'))}` : '';
        tally.samples.push(
          `${violation}: [${req.category}] ${req.method} ${req.path.slice(0, 200)}${body} -> ${detail}`,
        );
      }
    },
    result: (): HostileTally => tally,
  };
}
