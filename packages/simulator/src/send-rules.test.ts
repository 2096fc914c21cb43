import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from './simulator.ts';
import { startSimulator } from './simulator.ts';
import {
  call,
  children,
  codeOf,
  DEMO,
  envelope,
  field,
  post,
  soapHeaders,
  type Version,
} from './test-helpers.ts';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({
    port: 0,
    maxRecipients: 3,
    addressBook: { Team: ['079 111 22 33', '+41 79 444 55 66'] },
  });
});
afterAll(() => sim.close());

const SMS = { ...DEMO, Address: '0791234567', Message: 'Hello' };
const b64 = (bytes: number): string => Buffer.alloc(bytes, 7).toString('base64');
const attachment = (name: string, content: string): string =>
  `<Attachment><FileName>${name}</FileName><FileContent>${content}</FileContent></Attachment>`;

async function sms(fields: Record<string, string | undefined>, version: Version = '1.2'): Promise<number> {
  return codeOf(await call(sim, version, 'SendSMSBasic', { ...SMS, ...fields }));
}

async function fax(files: string[]): Promise<number> {
  const inner = `${children({ ...DEMO, Address: '0441234567', Message: 'Fax' })}<Files>${files.join('')}</Files>`;
  return codeOf(await post(sim, soapHeaders('1.2', 'SendFax'), envelope('1.2', 'SendFax', inner)));
}

describe.each(['1.1', '1.2'] as const)('credentials and basic rules over SOAP %s', (version) => {
  it('accepts a valid SMS with code 0 and ResponseText OK', async () => {
    const answer = await call(sim, version, 'SendSMSBasic', SMS);
    expect(codeOf(answer)).toBe(0);
    expect(field(answer.text, 'ResponseText')).toBe('OK');
  });
  it('answers 11300 AccNoUser for an unknown account', async () => {
    const answer = await call(sim, version, 'SendSMSBasic', { ...SMS, AccountName: 'nobody' });
    expect(codeOf(answer)).toBe(11300);
    expect(field(answer.text, 'ResponseText')).toBe('AccNoUser');
  });
  it('answers 11001 for a wrong password, without echoing it', async () => {
    const answer = await call(sim, version, 'SendSMSBasic', { ...SMS, AccountPassword: 'hunter2-secret' });
    expect(codeOf(answer)).toBe(11001);
    expect(answer.text).not.toContain('hunter2-secret');
  });
  it('answers 11102 when Address is missing', async () => {
    expect(await sms({ Address: undefined }, version)).toBe(11102);
  });
  it('answers 11200 when Message is empty', async () => {
    expect(await sms({ Message: '' }, version)).toBe(11200);
  });
});

describe('send rules, in eCall order', () => {
  it('checks credentials before anything else', async () => {
    expect(await sms({ AccountPassword: 'x', Address: '', Message: '' })).toBe(11001);
  });
  it('answers 11000 for a JobID longer than 50 characters, and accepts exactly 50', async () => {
    expect(await sms({ JobID: 'j'.repeat(51) })).toBe(11000);
    expect(await sms({ JobID: `rules-${'j'.repeat(44)}` })).toBe(0);
  });
  it('answers 11102 for an address list with only separators', async () => {
    expect(await sms({ Address: ' ; ; ' })).toBe(11102);
  });
  it('accepts numbers with +, 00, spaces, dashes, dots and slashes, pagers and address-book names', async () => {
    expect(await sms({ Address: '+41 79 123 45 67;0041-79-123.45.67;079/123 45 67' })).toBe(0);
    expect(await sms({ Address: '074123456:1234' })).toBe(0);
    expect(await sms({ Address: 'Team' })).toBe(0);
  });
  it('answers 11100 for an entry that is neither a number, a pager nor an address-book name', async () => {
    expect(await sms({ Address: '0791234567;hans@example.ch' })).toBe(11100);
    expect(await sms({ Address: '12345' })).toBe(11100);
    expect(await sms({ Address: 'Unknown Group' })).toBe(11100);
  });
  it('answers 11104 above maxRecipients, counting address-book members', async () => {
    expect(await sms({ Address: '0791111111;0792222222;0793333333;0794444444' })).toBe(11104);
    expect(await sms({ Address: 'Team;0791111111;0792222222' })).toBe(11104);
  });
  it('answers 11204 beyond 8 GSM-7 pages (8 x 153) and counts UCS-2 at 67 per page', async () => {
    expect(await sms({ Message: 'a'.repeat(8 * 153) })).toBe(0);
    expect(await sms({ Message: 'a'.repeat(8 * 153 + 1) })).toBe(11204);
    expect(await sms({ Message: `${'a'.repeat(8 * 67 - 1)}€` })).toBe(0);
    expect(await sms({ Message: `${'a'.repeat(8 * 67)}😀` })).toBe(11204);
  });
  it('answers 11000 for a voice MsgLanguage outside DE/FR/IT/EN', async () => {
    const voice = { ...DEMO, Address: '0441234567', Message: 'Hallo' };
    expect(codeOf(await call(sim, '1.2', 'SendVoiceBasic', { ...voice, MsgLanguage: 'XX' }))).toBe(11000);
    expect(codeOf(await call(sim, '1.1', 'SendVoiceBasic', { ...voice, MsgLanguage: 'FR' }))).toBe(0);
  });
  it('refuses pagers for voice and fax with 11100', async () => {
    const answer = await call(sim, '1.2', 'SendFaxBasic', {
      ...DEMO,
      Address: '074123456:1234',
      Message: 'x',
    });
    expect(codeOf(answer)).toBe(11100);
  });
  it('treats a past or malformed SendDate as "send now"', async () => {
    expect(await sms({ SendDate: '2001-01-01 10:00:00' })).toBe(0);
    expect(await sms({ SendDate: 'tomorrow, maybe' })).toBe(0);
  });
});

describe('SendFax attachments', () => {
  it('accepts one pdf attachment', async () => {
    expect(await fax([attachment('letter.pdf', b64(100))])).toBe(0);
  });
  it('answers 11904 for more than 10 attachments', async () => {
    expect(await fax(Array.from({ length: 11 }, (_, i) => attachment(`p${String(i)}.pdf`, b64(10))))).toBe(
      11904,
    );
  });
  it('answers 11905 for an attachment over 5 MB', async () => {
    expect(await fax([attachment('big.pdf', b64(5 * 1024 * 1024 + 1))])).toBe(11905);
  });
  it('answers 11906 for a file type not in the list', async () => {
    expect(await fax([attachment('virus.exe', b64(10))])).toBe(11906);
  });
  it('answers 11907 for a path in FileName or content that is not base64', async () => {
    expect(await fax([attachment('dir/letter.pdf', b64(10))])).toBe(11907);
    expect(await fax([attachment('C:\\letter.pdf', b64(10))])).toBe(11907);
    expect(await fax([attachment('letter.pdf', '!!not base64!!')])).toBe(11907);
  });
  it('answers 11914 for a FileName longer than 100 characters', async () => {
    expect(await fax([attachment(`${'n'.repeat(97)}.pdf`, b64(10))])).toBe(11914);
  });
});
