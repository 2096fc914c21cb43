import type { OperationName, SoapVersion } from '@ecall-relay/ecall';
import type { Recipient } from './address.ts';
import type { SimJobType } from './progression.ts';

/** A send operation (everything but GetStateBasic). */
export type SendOperation = Exclude<OperationName, 'GetStateBasic'>;

/**
 * One accepted send. Its SendStates are not stored: they are derived from `startAt` and the step
 * length, which keeps memory per job bounded and needs no timer per job.
 */
export interface SimJob {
  readonly seq: number;
  readonly account: string;
  readonly jobId: string | undefined;
  readonly operation: SendOperation;
  readonly soapVersion: SoapVersion;
  readonly jobType: SimJobType;
  readonly submittedAt: number;
  /** When the first SendState is entered: SendDate when it is in the future, else submission time. */
  readonly startAt: number;
  readonly recipients: readonly Recipient[];
  /** A repeated JobID of the same account: every recipient ends failed (SMS ErrorState 5512). */
  readonly duplicate: boolean;
  readonly pointsPerRecipient: number;
  /** HTTP(S) URLs from Notification: called when a recipient reaches its final state. */
  readonly notifyUrls: readonly string[];
  /** HTTP(S) URLs from AlwaysNotification: called at every SendState a recipient enters. */
  readonly alwaysUrls: readonly string[];
  /** AddressTo of an SMS reply: Answer, else SMSCallback, else the account name. */
  readonly answerTo: string;
  /** Notification calls that reached a receiver, per recipient; absent when the job has no URL. */
  readonly notificationsSent: number[] | undefined;
}

/** Every job the simulator accepted, by account then JobID, in submission order. */
export class JobStore {
  #byAccount = new Map<string, Map<string, SimJob[]>>();
  #count = 0;

  /** Number of jobs stored, duplicates and jobs without JobID included. */
  get size(): number {
    return this.#count;
  }

  /** Whether this account already used this JobID. */
  has(account: string, jobId: string): boolean {
    return this.#byAccount.get(account)?.has(jobId) ?? false;
  }

  /** Stores a job; jobs without JobID are only counted, since nothing can ever ask for them. */
  add(job: SimJob): void {
    this.#count += 1;
    if (job.jobId === undefined) return;
    let jobs = this.#byAccount.get(job.account);
    if (jobs === undefined) {
      jobs = new Map();
      this.#byAccount.set(job.account, jobs);
    }
    const list = jobs.get(job.jobId);
    if (list === undefined) jobs.set(job.jobId, [job]);
    else list.push(job);
  }

  /** The most recent job of this account with this JobID. */
  last(account: string, jobId: string): SimJob | undefined {
    return this.#byAccount.get(account)?.get(jobId)?.at(-1);
  }

  /** Every job with this JobID, whatever the account, in submission order. */
  allWithId(jobId: string): SimJob[] {
    const found: SimJob[] = [];
    for (const jobs of this.#byAccount.values()) found.push(...(jobs.get(jobId) ?? []));
    return found.sort((a, b) => a.seq - b.seq);
  }

  /** Forgets every job. */
  clear(): void {
    this.#byAccount.clear();
    this.#count = 0;
  }
}
