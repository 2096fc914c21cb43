import type { IncomingMessage, ServerResponse } from 'node:http';
import { describeResponse } from '@ecall-relay/codes';
import { SOAP_VERSIONS, type SoapVersion } from '@ecall-relay/ecall';
import { type Delays, send } from './http-utils.ts';
import type { SendOperation } from './job-store.ts';
import { countInjectedCode, handleSend, type SendOutcome } from './send-handler.ts';
import type { SimContext } from './sim-context.ts';
import type { SoapRequest } from './soap-request.ts';
import { faultResponse, sendResponse, stateResponse } from './soap-response.ts';
import { EMPTY_JOB_RESPONSE, handleGetState } from './state-handler.ts';
import { bump } from './stats.ts';

/** What one SOAP exchange needs besides the shared state. */
export interface Exchange {
  readonly request: IncomingMessage;
  readonly response: ServerResponse;
  readonly requestId: string;
  readonly delays: Delays;
}

const responseText = (code: number): string => describeResponse(code).name;

/** Answers a SOAP fault (HTTP 500, or 415 for a content type that is no SOAP version). */
export async function answerFault(
  context: SimContext,
  exchange: Exchange,
  version: SoapVersion,
  status: number,
  faultCode: 'sender' | 'receiver' | 'version-mismatch',
  message: string,
): Promise<void> {
  context.stats.protocolFaults += 1;
  context.config.logger(
    `${exchange.requestId} SOAP ${version} fault ${String(status)}: ${message.slice(0, 200)}`,
  );
  if (!(await exchange.delays.wait(context.faults.latencyMs))) return;
  send(
    exchange.response,
    status,
    SOAP_VERSIONS[version].contentType,
    faultResponse(version, faultCode, message),
  );
}

/** Runs one valid SOAP request: GetStateBasic directly, sends through the fault planner first. */
export async function answerSoap(
  context: SimContext,
  exchange: Exchange,
  request: SoapRequest,
): Promise<void> {
  const { version, operation, fields } = request;
  bump(context.stats.byOperation, `${operation}@${version}`);
  const log = (outcome: string): void =>
    context.config.logger(
      `${exchange.requestId} SOAP ${version} ${operation} account=${fields.get('AccountName') ?? ''} ` +
        `jobId=${fields.get('JobID') ?? ''} -> ${outcome}`,
    );
  const reply = async (body: string, extraDelay = 0): Promise<void> => {
    if (!(await exchange.delays.wait(context.faults.latencyMs + extraDelay))) return;
    send(exchange.response, 200, SOAP_VERSIONS[version].contentType, body);
  };
  if (operation === 'GetStateBasic') {
    const state = handleGetState(context, fields, Date.now());
    const absent = context.config.emptyJobResponse === 'absent';
    const job = state.code === 0 ? state.job : absent ? undefined : EMPTY_JOB_RESPONSE;
    log(`${String(state.code)} ${responseText(state.code)}`);
    return reply(stateResponse(version, state.code, responseText(state.code), job));
  }
  context.stats.submissions += 1;
  const fault = context.faults.next();
  if (fault !== 'ok') bump(context.stats.faultsInjected, fault);
  const answer = (outcome: SendOutcome, extraDelay = 0): Promise<void> => {
    log(`${String(outcome.code)} ${responseText(outcome.code)}${fault === 'ok' ? '' : ` (fault ${fault})`}`);
    return reply(sendResponse(version, operation, outcome.code, responseText(outcome.code)), extraDelay);
  };
  const sendInput = { version, operation: operation as SendOperation, fields, files: request.files };
  switch (fault) {
    case 'drop':
      log('connection dropped (fault drop)');
      exchange.request.socket.destroy();
      return;
    case 'http500':
    case 'http503': {
      log(`bare HTTP ${fault.slice(4)} (fault ${fault})`);
      if (!(await exchange.delays.wait(context.faults.latencyMs))) return;
      send(exchange.response, fault === 'http500' ? 500 : 503, 'text/plain; charset=utf-8', '');
      return;
    }
    case '11403':
    case '11999': {
      const code = Number(fault);
      countInjectedCode(context, code);
      return answer({ code, job: undefined });
    }
    case 'accept-then-drop': {
      const outcome = handleSend(context, sendInput, Date.now());
      log(`${String(outcome.code)} decided, connection dropped unanswered (fault accept-then-drop)`);
      exchange.request.socket.destroy();
      return;
    }
    case 'slow':
      return answer(handleSend(context, sendInput, Date.now()), context.config.slowMs);
    case 'ok':
      return answer(handleSend(context, sendInput, Date.now()));
  }
}
