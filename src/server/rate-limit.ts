// A per-IP fixed-window rate limit: enough to keep one browser tab or script from flooding Meilisearch,
// with no state beyond a map that is swept as windows expire.
export interface RateLimitOptions {
  /** Requests allowed per window and IP. */
  max: number;
  windowMs: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly options: RateLimitOptions) {}

  /** Counts a request; returns the seconds to wait when over the limit, else 0. */
  hit(ip: string, now = Date.now()): number {
    if (this.windows.size > 10_000) this.sweep(now);
    const window = this.windows.get(ip);
    if (!window || now - window.start >= this.options.windowMs) {
      this.windows.set(ip, { start: now, count: 1 });
      return 0;
    }
    window.count++;
    if (window.count <= this.options.max) return 0;
    return Math.max(1, Math.ceil((window.start + this.options.windowMs - now) / 1000));
  }

  private sweep(now: number): void {
    for (const [ip, window] of this.windows) if (now - window.start >= this.options.windowMs) this.windows.delete(ip);
  }
}
