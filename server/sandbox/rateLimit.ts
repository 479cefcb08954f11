/** Fixed-window rate limits per key (client IP and operation), kept in memory. */

export interface RateLimitOptions {
  /** Requests answered per window. */
  limit: number;
  windowSeconds: number;
}

export interface RateLimitHit {
  allowed: boolean;
  /** Seconds until the window ends and the count starts again. */
  secondsBeforeRefresh: number;
  /** SORACOM's rate-limit headers for the answer. */
  headers: Record<string, string>;
}

/** Windows are forgotten once this many keys are known and theirs have ended. */
const sweepAbove = 10_000;

export function createRateLimiter(options: RateLimitOptions) {
  const { limit, windowSeconds } = options;
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`rate limit must be a whole number >= 1, not ${limit}`);
  if (!(windowSeconds > 0)) throw new Error(`rate-limit window must be > 0 seconds, not ${windowSeconds}`);
  const windowMs = windowSeconds * 1000;
  const windows = new Map<string, { start: number; count: number }>();

  function sweep(now: number) {
    for (const [key, window] of windows) if (window.start + windowMs <= now) windows.delete(key);
  }

  return {
    /** How many keys have a window (ended or not) in memory. */
    get size() {
      return windows.size;
    },
    /** Counts a request (refused ones too) and tells whether it is within the limit. */
    hit(key: string, now: number): RateLimitHit {
      let window = windows.get(key);
      if (!window || window.start + windowMs <= now) {
        if (!window && windows.size >= sweepAbove) sweep(now);
        window = { start: now, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      const secondsBeforeRefresh = Math.max(1, Math.ceil((window.start + windowMs - now) / 1000));
      return {
        allowed: window.count <= limit,
        secondsBeforeRefresh,
        headers: {
          'X-Soracom-Ratelimit-Limit': String(limit),
          'X-Soracom-Ratelimit-Remaining': String(Math.max(0, limit - window.count)),
          'X-Soracom-Ratelimit-Seconds-Before-Refresh': String(secondsBeforeRefresh),
        },
      };
    },
  };
}
