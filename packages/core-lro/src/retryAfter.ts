import { getHeader, type LroHeaders } from "./lroResponse.js";

/** The longest a poller waits between two polls, whatever the service asks: 10 minutes. */
export const MAX_POLL_DELAY_IN_MS = 600_000;

/**
 * The shortest wait a `Retry-After` can ask for, so that `Retry-After: 0` cannot turn into a busy
 * loop; a poller whose `intervalInMs` is smaller (tests use 0) uses that instead.
 */
export const MIN_RETRY_AFTER_IN_MS = 1000;

/**
 * How long the service asked to wait, in ms: `retry-after-ms` / `x-ms-retry-after-ms` (ms), else
 * `Retry-After` (seconds or an HTTP date). `undefined` when there is no usable value.
 */
export function parseRetryAfterInMs(headers: LroHeaders, now: number = Date.now()): number | undefined {
  for (const name of ["retry-after-ms", "x-ms-retry-after-ms"]) {
    const ms = parseNumber(getHeader(headers, name));
    if (ms !== undefined) return ms;
  }
  const value = getHeader(headers, "retry-after")?.trim();
  if (!value) return undefined;
  const seconds = parseNumber(value);
  if (seconds !== undefined) return seconds * 1000;
  // Only an HTTP date (IMF-fixdate names the weekday/month), not whatever else Date.parse accepts.
  const date = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * The wait before the next poll: the service's `Retry-After` when given, bounded to
 * [min(intervalInMs, 1 s), 10 min], else `intervalInMs` (also capped at 10 minutes).
 */
export function nextPollDelayInMs(intervalInMs: number, retryAfterInMs: number | undefined): number {
  if (retryAfterInMs === undefined) return Math.min(intervalInMs, MAX_POLL_DELAY_IN_MS);
  const floor = Math.min(intervalInMs, MIN_RETRY_AFTER_IN_MS);
  return Math.min(Math.max(retryAfterInMs, floor), MAX_POLL_DELAY_IN_MS);
}

function parseNumber(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*\d+(\.\d+)?\s*$/.test(value)) return undefined;
  return Number(value);
}
