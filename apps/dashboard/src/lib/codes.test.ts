import { describe, expect, it } from 'vitest';
import { codeNotes } from './codes.ts';

describe('codeNotes', () => {
  it('names a send ResponseCode from the tables', () => {
    expect(codeNotes({ at: 'x', type: 'rejected', source: 'worker', code: 11100 }, 'sms')).toEqual([
      { field: 'ResponseCode', code: 11100, name: 'AdrAdCInvalid', text: expect.stringMatching(/address/i) },
    ]);
  });

  it('reads a callback ResultCode as a SendState of the channel', () => {
    const [note] = codeNotes({ at: 'x', type: 'callback', source: 'callback', code: 8 }, 'sms');
    expect(note).toMatchObject({ field: 'ResultCode', code: 8 });
    expect(note?.text).toMatch(/confirmed/i);
  });

  it('describes SendState and ErrorState in the table of the channel', () => {
    const notes = codeNotes(
      { at: 'x', type: 'recipient.failed', source: 'poll', sendState: 42, errorState: 6006 },
      'fax',
    );
    expect(notes.map((n) => [n.field, n.code])).toEqual([
      ['SendState', 42],
      ['ErrorState', 6006],
    ]);
    expect(notes.every((n) => n.name !== 'Unknown')).toBe(true);
  });

  it('gives unknown codes a defined answer and skips ErrorState 0', () => {
    expect(
      codeNotes({ at: 'x', type: 'answer', source: 'worker', code: 11777, errorState: 0 }, 'voice'),
    ).toEqual([
      { field: 'ResponseCode', code: 11777, name: 'Unknown', text: 'Unknown eCall response code 11777' },
    ]);
  });
});
