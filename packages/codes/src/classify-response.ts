import type { ClassifyOptions, ResponseClass, ResponseContext } from './types.ts';

/** ResponseCodes worth retrying: 11403 (call system temporarily disturbed) and 11999 (unknown error). */
export const TRANSIENT_RESPONSE_CODES: readonly number[] = Object.freeze([11403, 11999]);

/** ResponseCodes that affect the whole account: 11001, 11300, 11301, 11303 (access, user, points). */
export const ACCOUNT_RESPONSE_CODES: readonly number[] = Object.freeze([11001, 11300, 11301, 11303]);

/** 11912 (scheduled) and 11913 (in progress): eCall holds the job. */
const JOB_HELD_CODES: readonly number[] = [11912, 11913];
const ALREADY_TRANSMITTED = 11600;
const JOB_NOT_FOUND = 11910;

/**
 * Says what an eCall ResponseCode means for the caller (SPEC section 3). Total: never throws.
 *
 * - `send`: 0, 11912, 11913 accepted; 11600 accepted only with `afterAmbiguous` (the JobID was
 *   already submitted by an earlier, ambiguous attempt), else permanent.
 * - `state` (GetStateBasic): 0 accepted (the job was found); 11910 not-found; 11912, 11913 pending.
 * - Both: transient codes transient, then account codes account, everything else (known or not) permanent.
 *
 * Any context other than 'state' follows the `send` rules, the stricter reading for a caller that erred.
 */
export function classifyResponse(
  code: number,
  context: ResponseContext,
  options?: ClassifyOptions,
): ResponseClass {
  if (context === 'state') {
    if (code === 0) return 'accepted';
    if (code === JOB_NOT_FOUND) return 'not-found';
    if (JOB_HELD_CODES.includes(code)) return 'pending';
  } else {
    if (code === 0 || JOB_HELD_CODES.includes(code)) return 'accepted';
    // Without the ambiguity, 11600 means the caller reused a JobID: never treat that as a success.
    if (code === ALREADY_TRANSMITTED) return options?.afterAmbiguous === true ? 'accepted' : 'permanent';
  }
  const transientCodes = options?.transientCodes ?? TRANSIENT_RESPONSE_CODES;
  if (transientCodes.includes(code)) return 'transient';
  if (ACCOUNT_RESPONSE_CODES.includes(code)) return 'account';
  return 'permanent';
}
