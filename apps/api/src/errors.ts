/** One invalid field of a request: a dotted path (`attachments.2.fileName`) and what is wrong with it. */
export interface FieldIssue {
  readonly path: string;
  readonly message: string;
}

/** The HTTP statuses the api answers errors with. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 500 | 503;

/**
 * faultInfo errorCode per HTTP status. 3001 (caller broke a rule: do not resend unchanged) and 3000
 * (internal: resending may succeed) come from the host-integration convention; the others extend the same
 * 3xxx family with the HTTP status so clients can switch on one number.
 */
export const FAULT_CODES = {
  400: 3001,
  401: 3401,
  403: 3403,
  404: 3404,
  405: 3405,
  409: 3409,
  413: 3413,
  415: 3415,
  422: 3422,
  500: 3000,
  503: 3503,
} as const satisfies Record<ErrorStatus, number>;

/** An error the api answers with a faultInfo body; anything else thrown becomes a 500. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: ErrorStatus;
  readonly errorCode: number;
  readonly fields: readonly FieldIssue[] | undefined;
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    status: ErrorStatus,
    message: string,
    options: { fields?: readonly FieldIssue[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.status = status;
    this.errorCode = FAULT_CODES[status];
    this.fields = options.fields;
    this.headers = options.headers ?? {};
  }
}

/** The faultInfo body every non-2xx answer carries. */
export interface FaultBody {
  faultInfo: {
    errorCode: number;
    message: string;
    requestId: string;
    fields?: FieldIssue[];
  };
}

/** Builds the faultInfo body of an {@link ApiError}. */
export function faultBody(error: ApiError, requestId: string): FaultBody {
  return {
    faultInfo: {
      errorCode: error.errorCode,
      message: error.message,
      requestId,
      ...(error.fields?.length ? { fields: [...error.fields] } : {}),
    },
  };
}

/** 400/3001 naming the offending fields. */
export function invalidRequest(message: string, fields?: readonly FieldIssue[]): ApiError {
  return new ApiError(400, message, fields ? { fields } : {});
}

/** 401 with the challenge listing both accepted schemes. */
export function unauthorized(): ApiError {
  return new ApiError(401, 'Valid credentials are required (HTTP Basic or Bearer API key).', {
    headers: { 'WWW-Authenticate': 'Basic realm="ecall-relay", Bearer' },
  });
}

/** 503/3503: a dependency (Redis) is unreachable; the client should retry shortly. */
export function unavailable(message = 'The message store is unreachable; retry shortly.'): ApiError {
  return new ApiError(503, message, { headers: { 'Retry-After': '5' } });
}
