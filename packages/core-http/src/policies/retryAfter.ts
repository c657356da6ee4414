import type { HttpHeaders } from "../httpHeaders.js";

/**
 * The wait a response asks for, in milliseconds: `retry-after-ms`, `x-ms-retry-after-ms`, then
 * `Retry-After` (seconds or an HTTP date). `undefined` when none is given or readable.
 */
export function getRetryAfterInMs(headers: HttpHeaders): number | undefined {
  for (const name of ["retry-after-ms", "x-ms-retry-after-ms"]) {
    const value = headers.get(name);
    if (value === undefined) continue;
    const ms = Number(value);
    if (value.trim() !== "" && Number.isFinite(ms) && ms >= 0) return ms;
  }
  const retryAfter = headers.get("retry-after")?.trim();
  if (!retryAfter) return undefined;
  if (/^\d+(\.\d+)?$/.test(retryAfter)) return Number(retryAfter) * 1000;
  const date = Date.parse(retryAfter);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - Date.now());
}
