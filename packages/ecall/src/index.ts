export { createEcallClient } from './client.ts';
export { fromEcallDateTime, parseEcallTimestamp, toEcallDateTime } from './date-time.ts';
export {
  EcallError,
  type EcallErrorContext,
  EcallHttpError,
  EcallInputError,
  EcallSoapFaultError,
  EcallTimeoutError,
  EcallTransportError,
} from './errors.ts';
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
export { FIELD_ELEMENTS } from './request-fields.ts';
export type {
  CallMeta,
  CallOptions,
  EcallClient,
  EcallClientOptions,
  EcallLogFn,
  EcallLogger,
  FaxFile,
  GetStateInput,
  JobState,
  ResponseClass,
  SendFaxBasicInput,
  SendFaxInput,
  SendResult,
  SendSmsInput,
  SendVoiceInput,
  StateResult,
} from './types.ts';
