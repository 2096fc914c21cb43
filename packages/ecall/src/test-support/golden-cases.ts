import type { EcallClient } from '../ecall-client.ts';
import type { OperationName, SoapVersion } from '../operations.ts';

/** One pinned request: the fixture file holds exactly what the client must send for `run`. */
export interface GoldenCase {
  fixture: string;
  soapVersion: SoapVersion;
  operation: OperationName;
  run(client: EcallClient, clientRequestId: string): Promise<unknown>;
}

export const GOLDEN_ACCOUNT = { accountName: 'golden-account', accountPassword: 'golden-pa55' } as const;

// Input keys are listed in reverse on purpose: the WSDL order in the fixtures must come from
// OPERATION_FIELDS, not from the order a caller happens to write its object in.
const fullSms = {
  alwaysNotification: 'https://hooks.example.test/always',
  noLog: true,
  msgType: 'Flash',
  sendDate: '2025-10-26 02:30:00',
  answer: 'https://hooks.example.test/answer',
  notification: '0041790000001;ops@example.test',
  smsCallback: 'ACME',
  jobId: 'job-sms-0001',
  message: 'Pump 3 pressure high',
  address: '0041791234567',
} as const;

export const GOLDEN_CASES: readonly GoldenCase[] = [
  {
    fixture: 'send-sms-basic.soap12.xml',
    soapVersion: '1.2',
    operation: 'SendSMSBasic',
    run: (c, id) => c.sendSms(fullSms, { clientRequestId: id }),
  },
  {
    fixture: 'send-sms-basic.required.soap12.xml',
    soapVersion: '1.2',
    operation: 'SendSMSBasic',
    run: (c, id) =>
      c.sendSms({ message: 'Only the required fields', address: '0041791234567' }, { clientRequestId: id }),
  },
  {
    fixture: 'send-fax-basic.soap12.xml',
    soapVersion: '1.2',
    operation: 'SendFaxBasic',
    run: (c, id) =>
      c.sendFaxBasic(
        {
          sendDate: '2025-03-30 03:15:00',
          subject: 'Delivery note',
          fromText: 'ACME Logistics',
          jobId: 'job-faxb-0001',
          message: 'Please find the delivery note below.',
          address: '0041441234567',
        },
        { clientRequestId: id },
      ),
  },
  {
    fixture: 'send-fax.soap12.xml',
    soapVersion: '1.2',
    operation: 'SendFax',
    run: (c, id) =>
      c.sendFax(
        {
          tokenFields: 'MaxRetries;=3;NoCoversheet;=true',
          notification: 'ops@example.test',
          files: [
            { fileName: 'note.txt', content: new TextEncoder().encode('hello fax') },
            { fileName: 'scan.pdf', content: 'JVBERi0xLjQK' },
          ],
          sendDate: '2025-07-01 08:00:00',
          subject: 'Invoice 42',
          faxHeaderInfo: 'ACME AG, Zurich',
          faxHeaderId: '+41 44 123 45 67',
          fromText: 'ACME Accounting',
          jobId: 'job-fax-0001',
          message: 'Invoice attached.',
          address: '0041441234567',
        },
        { clientRequestId: id },
      ),
  },
  {
    fixture: 'send-voice-basic.soap12.xml',
    soapVersion: '1.2',
    operation: 'SendVoiceBasic',
    run: (c, id) =>
      c.sendVoice(
        {
          sendDate: '2025-12-24 18:00:00',
          fromText: 'ACME Alarm',
          msgLanguage: 'DE',
          jobId: 'job-voice-0001',
          message: 'Feueralarm in Halle 2',
          address: '0041791234567',
        },
        { clientRequestId: id },
      ),
  },
  {
    fixture: 'get-state-basic.soap12.xml',
    soapVersion: '1.2',
    operation: 'GetStateBasic',
    run: (c, id) => c.getState({ address: '0041791234567', jobId: 'job-sms-0001' }, { clientRequestId: id }),
  },
  {
    fixture: 'send-sms-basic.soap11.xml',
    soapVersion: '1.1',
    operation: 'SendSMSBasic',
    run: (c, id) => c.sendSms(fullSms, { clientRequestId: id }),
  },
  {
    fixture: 'get-state-basic.soap11.xml',
    soapVersion: '1.1',
    operation: 'GetStateBasic',
    run: (c, id) => c.getState({ address: '0041791234567', jobId: 'job-sms-0001' }, { clientRequestId: id }),
  },
];
