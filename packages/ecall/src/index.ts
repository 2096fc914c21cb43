export { createEcallClient } from './client.ts';
export { fromEcallDateTime, parseEcallTimestamp, toEcallDateTime } from './date-time.ts';
export type { EcallClient } from './ecall-client.ts';
export {
  EcallError,
  type EcallErrorContext,
  EcallHttpError,
  EcallInputError,
  EcallSoapFaultError,
  EcallTimeoutError,
  EcallTransportError,
} from './errors.ts';
export type {
  FaxFile,
  GetStateInput,
  SendFaxBasicInput,
  SendFaxInput,
  SendSmsInput,
  SendVoiceInput,
} from './inputs.ts';
export {
  ECALL_ENDPOINT,
  ECALL_NAMESPACE,
  OPERATION_FIELDS,
  type OperationField,
  type OperationName,
  SOAP_VERSIONS,
  type SoapVersion,
  soapActionOf,
  WSDL_PATH,
} from './operations.ts';
export type { CallOptions, EcallClientOptions, EcallLogFn, EcallLogger } from './options.ts';
export { FIELD_ELEMENTS } from './request-fields.ts';
export type { CallMeta, JobState, ResponseClass, SendResult, StateResult } from './results.ts';
