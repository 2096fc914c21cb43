import { jobFamilyOf } from './job-types.ts';
import type { SEND_STATES } from './send-states.ts';
import type { JobFamily, SendOutcome, SendStateOutcome } from './types.ts';

/**
 * The outcome of every SendState row (SPEC section 3). The mapped type makes the compiler reject a
 * SendState row without an outcome, or an outcome for a SendState that is not a row.
 *
 * SMS/pager 10 is 'delivered' and final although reception was not confirmed: eCall reports nothing
 * after it, so waiting would never end. {@link isReceptionConfirmed} tells it apart from 8.
 */
export const SEND_STATE_OUTCOMES = {
  sms: { 0: 'pending', 3: 'pending', 1: 'sent', 9: 'sent', 8: 'delivered', 10: 'delivered', 2: 'failed' },
  voice: {
    30: 'pending',
    31: 'pending',
    38: 'pending',
    33: 'delivered',
    34: 'delivered',
    36: 'delivered',
    32: 'failed',
    35: 'failed',
    37: 'failed',
    39: 'failed',
  },
  fax: {
    101: 'pending',
    201: 'pending',
    202: 'pending',
    301: 'pending',
    401: 'pending',
    402: 'pending',
    501: 'pending',
    43: 'pending',
    44: 'pending',
    41: 'delivered',
    42: 'failed',
  },
} as const satisfies {
  readonly [F in JobFamily]: { readonly [S in keyof (typeof SEND_STATES)[F]]: SendOutcome };
};

/** Fax ErrorState 6900: the fax went through, only the receiver hung up badly. */
const FAX_SENT_HUNG_UP_BADLY = 6900;
const FAX_FAILED = 42;
const SMS_SENT_UNCONFIRMED = 10;

const UNKNOWN: SendStateOutcome = Object.freeze({ outcome: 'pending', final: false, known: false });

function outcomeOf(family: JobFamily, sendState: number): SendOutcome | undefined {
  const table: Readonly<Record<number, SendOutcome>> = SEND_STATE_OUTCOMES[family];
  if (!Object.hasOwn(table, sendState)) return undefined;
  return table[sendState];
}

/**
 * Says where a recipient stands for a GetStateBasic JobType/SendState/ErrorState triple. Total: never throws.
 * Fax 42 with ErrorState 6900 counts as delivered. An unknown job type (mail, delete request, anything
 * else) or an unknown SendState gives `{ outcome: 'pending', final: false, known: false }`, so tracking
 * goes on until its window ends instead of settling on a guess.
 */
export function classifySendState(jobType: number, sendState: number, errorState?: number): SendStateOutcome {
  const family = jobFamilyOf(jobType);
  const outcome = family === undefined ? undefined : outcomeOf(family, sendState);
  if (outcome === undefined) return UNKNOWN;
  if (family === 'fax' && sendState === FAX_FAILED && errorState === FAX_SENT_HUNG_UP_BADLY) {
    return { outcome: 'delivered', final: true, known: true };
  }
  return { outcome, final: outcome === 'delivered' || outcome === 'failed', known: true };
}

/**
 * True when the SendState is a delivery the receiving side confirmed: SMS/pager 8 yes, SMS/pager 10
 * ("sent, reception not confirmed") no. Anything not delivered, or unknown, is false.
 */
export function isReceptionConfirmed(jobType: number, sendState: number): boolean {
  if (jobFamilyOf(jobType) === 'sms' && sendState === SMS_SENT_UNCONFIRMED) return false;
  return classifySendState(jobType, sendState).outcome === 'delivered';
}
