import { ERROR_STATES } from './error-states.ts';
import { jobFamilyOf } from './job-types.ts';
import { describeIn } from './lookup.ts';
import { RESPONSE_CODES } from './response-codes.ts';
import { SEND_STATES } from './send-states.ts';
import type { CodeDescription } from './types.ts';

/**
 * Describes a ResponseCode; `name` is the ResponseText eCall sends with it.
 * Unknown codes get `known: false`, name 'Unknown' and texts naming the code.
 */
export function describeResponse(code: number): CodeDescription {
  return describeIn(RESPONSE_CODES, code, {
    en: `Unknown eCall response code ${String(code)}`,
    fr: `Code de réponse eCall inconnu ${String(code)}`,
  });
}

/** Describes a SendState in the table of its job type; unknown pairs get `known: false`. */
export function describeSendState(jobType: number, sendState: number): CodeDescription {
  const family = jobFamilyOf(jobType);
  return describeIn(family === undefined ? undefined : SEND_STATES[family], sendState, {
    en: `Unknown eCall SendState ${String(sendState)} for job type ${String(jobType)}`,
    fr: `SendState eCall inconnu ${String(sendState)} pour le type de job ${String(jobType)}`,
  });
}

/**
 * Describes an ErrorState in the table of its job type; unknown pairs get `known: false`.
 * Voice has no ErrorState table, so every voice ErrorState is unknown.
 */
export function describeErrorState(jobType: number, errorState: number): CodeDescription {
  const family = jobFamilyOf(jobType);
  const table = family === 'sms' || family === 'fax' ? ERROR_STATES[family] : undefined;
  return describeIn(table, errorState, {
    en: `Unknown eCall ErrorState ${String(errorState)} for job type ${String(jobType)}`,
    fr: `ErrorState eCall inconnu ${String(errorState)} pour le type de job ${String(jobType)}`,
  });
}
