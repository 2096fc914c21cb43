import { describeErrorState, describeResponse, describeSendState } from '@ecall-relay/codes';
import type { Channel, HistoryEvent } from './types.ts';

/** eCall JobType per channel, which picks the SendState and ErrorState tables. */
const JOB_TYPES: Readonly<Record<Channel, number>> = { sms: 1, voice: 5, fax: 6 };

/** One eCall code of an event, named and explained. */
export interface CodeNote {
  /** Which eCall field it is: ResponseCode, ResultCode (a callback's SendState), SendState or ErrorState. */
  readonly field: 'ResponseCode' | 'ResultCode' | 'SendState' | 'ErrorState';
  readonly code: number;
  /** eCall's short name, e.g. `AdrAdCInvalid`; `Unknown` for codes not in the tables. */
  readonly name: string;
  /** The English text from F24's tables. */
  readonly text: string;
}

/** The eCall codes an event carries, with their names and texts from the code tables. */
export function codeNotes(event: HistoryEvent, channel: Channel): CodeNote[] {
  const jobType = JOB_TYPES[channel];
  const notes: CodeNote[] = [];
  if (event.code !== undefined) {
    // A callback's ResultCode carries a SendState; every other code is a send or poll ResponseCode.
    const d =
      event.source === 'callback' ? describeSendState(jobType, event.code) : describeResponse(event.code);
    notes.push({
      field: event.source === 'callback' ? 'ResultCode' : 'ResponseCode',
      code: event.code,
      name: d.name,
      text: d.en,
    });
  }
  if (event.sendState !== undefined) {
    const d = describeSendState(jobType, event.sendState);
    notes.push({ field: 'SendState', code: event.sendState, name: d.name, text: d.en });
  }
  if (event.errorState !== undefined && event.errorState !== 0) {
    const d = describeErrorState(jobType, event.errorState);
    notes.push({ field: 'ErrorState', code: event.errorState, name: d.name, text: d.en });
  }
  return notes;
}

/** The English text of a send ResponseCode (the list's "last code" column). */
export function responseText(code: number): string {
  return describeResponse(code).en;
}
