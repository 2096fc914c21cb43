import type {
  GetStateInput,
  SendFaxBasicInput,
  SendFaxInput,
  SendSmsInput,
  SendVoiceInput,
} from './inputs.ts';
import type { CallOptions } from './options.ts';
import type { SendResult, StateResult } from './results.ts';

/**
 * A typed eCall client; share one per account and process. Every method resolves with the
 * ResponseCode eCall gave (business errors included) and rejects only with an `EcallError`
 * subclass: `EcallTransportError`, `EcallTimeoutError`, `EcallHttpError`, `EcallSoapFaultError`
 * or `EcallInputError`.
 */
export interface EcallClient {
  /**
   * Sends an SMS or pager message (SendSMSBasic).
   * @throws EcallError subclasses when no ResponseCode could be obtained.
   */
  sendSms(input: SendSmsInput, options?: CallOptions): Promise<SendResult>;
  /**
   * Sends a fax without attachments (SendFaxBasic).
   * @throws EcallError subclasses when no ResponseCode could be obtained.
   */
  sendFaxBasic(input: SendFaxBasicInput, options?: CallOptions): Promise<SendResult>;
  /**
   * Sends a fax with header fields, attachments and token fields (SendFax).
   * @throws EcallError subclasses when no ResponseCode could be obtained.
   */
  sendFax(input: SendFaxInput, options?: CallOptions): Promise<SendResult>;
  /**
   * Sends a voice message (SendVoiceBasic).
   * @throws EcallError subclasses when no ResponseCode could be obtained.
   */
  sendVoice(input: SendVoiceInput, options?: CallOptions): Promise<SendResult>;
  /**
   * Reads a job's state for one recipient (GetStateBasic).
   * @throws EcallError subclasses when no ResponseCode could be obtained.
   */
  getState(input: GetStateInput, options?: CallOptions): Promise<StateResult>;
  /** Waits for calls in flight, then destroys the agents the client created. Idempotent. */
  close(): Promise<void>;
}
