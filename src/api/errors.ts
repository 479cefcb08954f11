/** One error type for every failed API call: HTTP status, SORACOM's code and message. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** HTTP status; 0 when no answer came back (network failure, offline). */
    readonly status: number,
    readonly code: string,
    message: string,
    /** How long the API asked us to wait before trying again (rate limiting), when it said. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }

  /** Builds the error from a failed response, whatever its body: SORACOM JSON, other JSON, HTML or nothing. */
  static async fromResponse(response: Response): Promise<ApiError> {
    let text = '';
    try {
      text = await response.text();
    } catch {
      // A body that cannot be read is treated as empty.
    }
    let code = `HTTP${response.status}`;
    let message = response.statusText || `HTTP ${response.status}`;
    try {
      const body = JSON.parse(text) as {
        code?: unknown;
        message?: unknown;
        errorMessage?: { code?: unknown; message?: unknown };
      };
      const source = body.errorMessage ?? body;
      if (typeof source.code === 'string') code = source.code;
      if (typeof source.message === 'string') message = source.message;
    } catch {
      const plain = text
        .replace(/<[^>]*>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
      if (plain) message = plain.slice(0, 200);
    }
    return new ApiError(response.status, code, message, retryAfter(response.headers));
  }

  static network(cause: unknown): ApiError {
    const error = new ApiError(0, 'NETWORK', 'The server could not be reached.');
    error.cause = cause;
    return error;
  }
}

/** Milliseconds to wait, from SORACOM's rate-limit header or a standard Retry-After. */
export function retryAfter(headers: Headers): number | null {
  const soracom = headers.get('x-soracom-ratelimit-seconds-before-refresh');
  const standard = headers.get('retry-after');
  const seconds = Number(soracom ?? standard);
  if ((soracom ?? standard) === null || !Number.isFinite(seconds) || seconds < 0) return null;
  return seconds * 1000;
}

/** Network failures, server errors and rate limits may succeed on another try; other client errors will not. */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  return error.status === 0 || error.status === 429 || error.status >= 500;
}
