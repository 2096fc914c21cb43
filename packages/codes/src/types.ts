/** One row of an eCall code table: the identifier plus English and French descriptions. */
export interface CodeEntry {
  /** For ResponseCodes, the ResponseText eCall returns; otherwise a short camelCase identifier. */
  readonly name: string;
  /** English description. */
  readonly en: string;
  /** French description, as in the F24 web service description annex. */
  readonly fr: string;
}

/** A table row resolved for one code; `known` is false when the code is not in the table. */
export interface CodeDescription extends CodeEntry {
  /** The code that was looked up, echoed as given. */
  readonly code: number;
  /** Whether the code is a row of the table (false: the texts say it is unknown). */
  readonly known: boolean;
}

/** What a ResponseCode means for the caller: accept, retry, pause the account, give up, wait or look again. */
export type ResponseClass = 'accepted' | 'transient' | 'account' | 'permanent' | 'pending' | 'not-found';

/** Which call answered: a Send* operation or GetStateBasic. */
export type ResponseContext = 'send' | 'state';

/** The job types that have SendState tables (1 SMS/pager, 5 voice, 6 fax). */
export type JobFamily = 'sms' | 'voice' | 'fax';

/** Where a recipient stands according to one SendState. */
export type SendOutcome = 'pending' | 'sent' | 'delivered' | 'failed';

/** Options for {@link classifyResponse}. */
export interface ClassifyOptions {
  /**
   * The send answers a retry of a JobID that may already have been submitted: 11600 then means accepted.
   * @defaultValue false
   */
  readonly afterAmbiguous?: boolean;
  /**
   * Codes treated as transient.
   * @defaultValue TRANSIENT_RESPONSE_CODES ([11403, 11999])
   */
  readonly transientCodes?: readonly number[];
}

/** The tracking meaning of a SendState: its outcome, whether it can still change, and whether it was recognised. */
export interface SendStateOutcome {
  /** Where the recipient stands. */
  readonly outcome: SendOutcome;
  /** True when eCall will not move this recipient any further. */
  readonly final: boolean;
  /** False when the job type or SendState is not in the tables (the answer is then pending, not final). */
  readonly known: boolean;
}
