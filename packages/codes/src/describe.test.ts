import { describe, expect, it } from 'vitest';
import { describeErrorState, describeResponse, describeSendState } from './describe.ts';
import { describeJobType, jobFamilyOf } from './job-types.ts';

const ODD_INPUTS = [12345, -1, Number.NaN, 1.5, Number.NEGATIVE_INFINITY];

describe('describeResponse', () => {
  it('returns the table row with its code for a known ResponseCode', () => {
    expect(describeResponse(11910)).toEqual({
      code: 11910,
      known: true,
      name: 'Job not found in Log',
      en: 'The job could not be found in the log.',
      fr: "Le job n'a pas pu être trouvé dans le journal.",
    });
    expect(describeResponse(0)).toMatchObject({ known: true, name: 'OK' });
  });

  it('names an unknown code in both languages', () => {
    expect(describeResponse(12345)).toEqual({
      code: 12345,
      known: false,
      name: 'Unknown',
      en: 'Unknown eCall response code 12345',
      fr: 'Code de réponse eCall inconnu 12345',
    });
  });

  it.each(ODD_INPUTS)('answers unknown for %s without throwing', (code) => {
    const result = describeResponse(code);
    expect(result.known).toBe(false);
    expect(result.name).toBe('Unknown');
    expect(result.en).toContain(String(code));
  });

  it('does not resolve inherited object keys as codes', () => {
    expect(describeResponse('constructor' as unknown as number).known).toBe(false);
  });
});

describe('jobFamilyOf and describeJobType', () => {
  it('maps 1 to sms, 5 to voice, 6 to fax and everything else to undefined', () => {
    expect([1, 5, 6].map(jobFamilyOf)).toEqual(['sms', 'voice', 'fax']);
    for (const jobType of [2, 4, 0, 3, ...ODD_INPUTS]) expect(jobFamilyOf(jobType)).toBeUndefined();
  });

  it('describes known job types, including those without a SendState table', () => {
    expect(describeJobType(2)).toMatchObject({ code: 2, known: true, name: 'mail' });
    expect(describeJobType(4)).toMatchObject({ code: 4, known: true, name: 'deleteRequest' });
  });

  it.each([3, ...ODD_INPUTS])('answers unknown for job type %s', (jobType) => {
    expect(describeJobType(jobType)).toMatchObject({ known: false, name: 'Unknown' });
    expect(describeJobType(jobType).en).toBe(`Unknown eCall job type ${String(jobType)}`);
  });
});

describe('describeSendState', () => {
  it('looks the SendState up in the table of the job type', () => {
    expect(describeSendState(1, 10)).toMatchObject({ code: 10, known: true, name: 'sentUnconfirmed' });
    expect(describeSendState(6, 42)).toMatchObject({ code: 42, known: true, name: 'failed' });
    expect(describeSendState(5, 38)).toMatchObject({ known: true, name: 'calling' });
  });

  it('answers unknown for another family, a job type without table, or odd input', () => {
    expect(describeSendState(5, 8).known).toBe(false);
    expect(describeSendState(2, 0).known).toBe(false);
    for (const value of ODD_INPUTS) {
      expect(describeSendState(1, value).known).toBe(false);
      expect(describeSendState(value, 0).known).toBe(false);
    }
    expect(describeSendState(2, 0).en).toBe('Unknown eCall SendState 0 for job type 2');
  });
});

describe('describeErrorState', () => {
  it('looks the ErrorState up in the SMS/pager or fax table', () => {
    expect(describeErrorState(1, 5512)).toMatchObject({ code: 5512, known: true, name: 'duplicateJobId' });
    expect(describeErrorState(6, 6900)).toMatchObject({ known: true, name: 'sentReceiverHungUpBadly' });
    expect(describeErrorState(6, 5512).known).toBe(false);
  });

  it('answers unknown for every voice ErrorState, as voice has no table', () => {
    for (const errorState of [0, 71, 5512, 6000, 6900])
      expect(describeErrorState(5, errorState).known).toBe(false);
    expect(describeErrorState(5, 71).fr).toBe('ErrorState eCall inconnu 71 pour le type de job 5');
  });

  it.each(ODD_INPUTS)('answers unknown for ErrorState %s', (errorState) => {
    expect(describeErrorState(1, errorState)).toMatchObject({ known: false, name: 'Unknown' });
    expect(describeErrorState(6, errorState)).toMatchObject({ known: false, name: 'Unknown' });
  });
});
