/**
 * Typed errors of the API client. Every failure the console sees is an ApiError:
 * `kind` says what went wrong, `status` is the HTTP status (0 when there was no
 * response), `requestId` comes from the `x-context-uid` response header.
 */
export type ApiErrorKind = 'http' | 'network' | 'timeout' | 'aborted' | 'invalid-response' | 'config';

export interface ApiErrorInit {
  kind: ApiErrorKind;
  status?: number;
  statusText?: string;
  /** The server's own message (`msg` of a JSON body, or the raw text). */
  detail?: string;
  requestId?: string;
  method?: string;
  /** Path and query of the request (never the API key: that travels in a header). */
  path?: string;
  body?: unknown;
  cause?: unknown;
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Payload Too Large',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function reasonPhrase(status: number, statusText?: string): string {
  return statusText?.trim() || REASONS[status] || 'Error';
}

function compose(init: ApiErrorInit): string {
  switch (init.kind) {
    case 'http': {
      const head = `${init.status ?? 0} ${reasonPhrase(init.status ?? 0, init.statusText)}`;
      return init.detail ? `${head}: ${init.detail}` : head;
    }
    case 'network':
      return `Network error: the server could not be reached${init.detail ? ` (${init.detail})` : ''}`;
    case 'timeout':
      return `Timed out${init.detail ? `: ${init.detail}` : ''}`;
    case 'aborted':
      return 'Request cancelled';
    case 'invalid-response':
      return `Unexpected response from the server${init.detail ? `: ${init.detail}` : ''}`;
    case 'config':
      return init.detail ?? 'The data source is not configured';
  }
}

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number;
  readonly statusText: string;
  readonly detail: string | undefined;
  readonly requestId: string | undefined;
  readonly method: string | undefined;
  readonly path: string | undefined;
  readonly body: unknown;

  constructor(init: ApiErrorInit) {
    super(compose(init), init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'ApiError';
    this.kind = init.kind;
    this.status = init.status ?? 0;
    this.statusText = reasonPhrase(this.status, init.statusText);
    this.detail = init.detail;
    this.requestId = init.requestId;
    this.method = init.method;
    this.path = init.path;
    this.body = init.body;
  }

  /** 401 (no or invalid/expired key) or 403 (key lacks the permission). */
  get isAuth(): boolean {
    return this.kind === 'http' && (this.status === 401 || this.status === 403);
  }

  get isNotFound(): boolean {
    return this.kind === 'http' && this.status === 404;
  }

  /** Worth trying again later: network trouble, timeouts, 5xx, 429. */
  get isTransient(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' || (this.kind === 'http' && (this.status >= 500 || this.status === 429));
  }
}

/** A located validation problem returned by the server (HTTP 400). */
export interface ServerProblem {
  /** JSON path, e.g. `spec.processPolicy[0].id`. */
  path: string;
  message: string;
  line?: number;
  column?: number;
  severity?: 'error' | 'warning';
}

export class ValidationError extends ApiError {
  readonly problems: ServerProblem[];

  constructor(init: ApiErrorInit, problems: ServerProblem[]) {
    super(init);
    this.name = 'ValidationError';
    this.problems = problems;
  }
}

/**
 * The object changed on the server since the user loaded it (HTTP 409, or a newer
 * `metadata.version` found on re-read). The user's edit was NOT applied.
 */
export class ConflictError extends ApiError {
  readonly uid: string;
  readonly baseVersion: number | undefined;
  readonly currentVersion: number | undefined;
  /** The server's current object, when it could be read. */
  readonly current: unknown;

  constructor(init: Omit<ApiErrorInit, 'kind'> & { uid: string; baseVersion?: number; currentVersion?: number; current?: unknown }) {
    super({
      ...init,
      kind: 'http',
      status: 409,
      detail:
        init.detail ??
        `${init.uid} was changed by someone else (server version ${init.currentVersion ?? '?'}, you edited version ${init.baseVersion ?? '?'}); your changes were not saved`,
    });
    this.name = 'ConflictError';
    this.uid = init.uid;
    this.baseVersion = init.baseVersion;
    this.currentVersion = init.currentVersion;
    this.current = init.current;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/**
 * TanStack Query retry policy: the HTTP layer already retries idempotent requests on
 * network errors and 502/503/504, so API errors are not retried again; anything else
 * (a bug in a mapper) gets one more try.
 */
export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  return !(error instanceof ApiError) && failureCount < 1;
}

/** One line for the UI: the message plus the request id when there is one. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.requestId ? `${error.message} (request id ${error.requestId})` : error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
