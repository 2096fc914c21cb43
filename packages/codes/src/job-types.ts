import { describeIn } from './lookup.ts';
import type { CodeDescription, CodeEntry, JobFamily } from './types.ts';

/** Every eCall JobType from the annex of the F24 web service description v1.76. */
export const JOB_TYPES = {
  1: { name: 'sms', en: 'SMS or pager', fr: 'SMS ou pager' },
  2: { name: 'mail', en: 'Mail message', fr: 'Message mail' },
  4: { name: 'deleteRequest', en: 'Delete request', fr: 'Demande de suppression' },
  5: { name: 'voice', en: 'Voice message', fr: 'Message vocal' },
  6: { name: 'fax', en: 'Fax message', fr: 'Message fax' },
} as const satisfies Record<number, CodeEntry>;

/**
 * The SendState family of a JobType: 1 sms (SMS and pager), 5 voice, 6 fax.
 * Mail (2), delete requests (4) and anything else have no SendState table, hence undefined.
 */
export function jobFamilyOf(jobType: number): JobFamily | undefined {
  if (jobType === 1) return 'sms';
  if (jobType === 5) return 'voice';
  if (jobType === 6) return 'fax';
  return undefined;
}

/** Describes a JobType; unknown ones get `known: false` and texts naming the number. */
export function describeJobType(jobType: number): CodeDescription {
  return describeIn(JOB_TYPES, jobType, {
    en: `Unknown eCall job type ${String(jobType)}`,
    fr: `Type de job eCall inconnu ${String(jobType)}`,
  });
}
