import { type ListParams, listApiPath } from './list-query.ts';
import type { Overview, Session } from './ops-types.ts';
import type { Message, MessagePage, Retried } from './types.ts';

/** A refused or failed API call, with the api's faultInfo when it sent one. */
export class ApiFailure extends Error {
  override readonly name = 'ApiFailure';
  /** HTTP status; 0 when the api could not be reached. */
  readonly status: number;
  readonly errorCode: number | undefined;
  /** The api's request id, for support. */
  readonly requestId: string | undefined;

  constructor(status: number, message: string, errorCode?: number, requestId?: string) {
    super(message);
    this.status = status;
    this.errorCode = errorCode;
    this.requestId = requestId;
  }
}

/** Options of {@link createApiClient}. */
export interface ApiClientOptions {
  /** The Authorization header value (see `authorizationFor`). */
  readonly authorization: string;
  /** Where the api is. @defaultValue '' (the page's own origin) */
  readonly baseUrl?: string;
  /** @defaultValue globalThis.fetch */
  readonly fetch?: typeof fetch;
}

/** The calls the dashboard makes, all with the signed-in user's credentials. */
export interface ApiClient {
  session(): Promise<Session>;
  listMessages(params: ListParams): Promise<MessagePage>;
  getMessage(id: string): Promise<Message>;
  cancelMessage(id: string): Promise<Message>;
  retryMessage(id: string): Promise<Retried>;
  overview(): Promise<Overview>;
  resumeAccount(): Promise<void>;
}

async function failureOf(res: Response): Promise<ApiFailure> {
  const body = (await res.json().catch(() => undefined)) as
    | { faultInfo?: { errorCode?: number; message?: string; requestId?: string } }
    | undefined;
  const fault = body?.faultInfo;
  const fallback = `The api answered ${res.status} ${res.statusText}`.trim();
  return new ApiFailure(res.status, fault?.message ?? fallback, fault?.errorCode, fault?.requestId);
}

/**
 * A client of the api's JSON endpoints. Requests go out with `credentials: 'omit'`: the header carries the
 * credentials, and without ambient ones the browser never shows its own Basic prompt on a 401.
 *
 * @throws ApiFailure from every method when the api refuses (faultInfo message) or cannot be reached.
 */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis);
  const base = options.baseUrl ?? '';
  async function call<T>(method: 'GET' | 'POST' | 'DELETE', path: string): Promise<T> {
    let res: Response;
    try {
      res = await fetchFn(`${base}${path}`, {
        method,
        credentials: 'omit',
        headers: { authorization: options.authorization, accept: 'application/json' },
      });
    } catch {
      throw new ApiFailure(0, 'The api cannot be reached; check the network or the service.');
    }
    if (!res.ok) throw await failureOf(res);
    return (await res.json()) as T;
  }
  const message = (id: string) => `/v1/messages/${encodeURIComponent(id)}`;
  return {
    session: () => call('GET', '/v1/ops/session'),
    listMessages: (params) => call('GET', listApiPath(params)),
    getMessage: (id) => call('GET', message(id)),
    cancelMessage: (id) => call('DELETE', message(id)),
    retryMessage: (id) => call('POST', `${message(id)}/retry`),
    overview: () => call('GET', '/v1/ops/overview'),
    resumeAccount: async () => {
      await call('POST', '/v1/admin/account/resume');
    },
  };
}
