import { describe, expect, it } from 'vitest';
import * as ecall from './index.ts';

describe('public API', () => {
  it('exports the client factory, the error hierarchy, the time helpers and the WSDL contract', () => {
    expect(Object.keys(ecall).sort()).toEqual(
      [
        'ECALL_ENDPOINT',
        'ECALL_NAMESPACE',
        'EcallError',
        'EcallHttpError',
        'EcallInputError',
        'EcallSoapFaultError',
        'EcallTimeoutError',
        'EcallTransportError',
        'FIELD_ELEMENTS',
        'OPERATION_FIELDS',
        'SOAP_VERSIONS',
        'WSDL_PATH',
        'createEcallClient',
        'fromEcallDateTime',
        'parseEcallTimestamp',
        'soapActionOf',
        'toEcallDateTime',
      ].sort(),
    );
    for (const Sub of [
      ecall.EcallHttpError,
      ecall.EcallInputError,
      ecall.EcallSoapFaultError,
      ecall.EcallTimeoutError,
      ecall.EcallTransportError,
    ]) {
      expect(Sub.prototype).toBeInstanceOf(ecall.EcallError);
    }
  });
});
