import { describe, expect, it } from "vitest";
import { MAX_POLL_DELAY_IN_MS, nextPollDelayInMs, parseRetryAfterInMs } from "../../src/retryAfter.js";

describe("parseRetryAfterInMs", () => {
  const now = Date.parse("2026-11-24T08:00:00Z");
  it("reads Retry-After in seconds", () => {
    expect(parseRetryAfterInMs({ "Retry-After": "15" }, now)).toBe(15000);
    expect(parseRetryAfterInMs({ "retry-after": "0" }, now)).toBe(0);
  });
  it("reads Retry-After as an HTTP date relative to now, never negative", () => {
    expect(parseRetryAfterInMs({ "retry-after": "Tue, 24 Nov 2026 08:00:30 GMT" }, now)).toBe(30000);
    expect(parseRetryAfterInMs({ "retry-after": "Tue, 24 Nov 2026 07:00:00 GMT" }, now)).toBe(0);
  });
  it("prefers the millisecond headers", () => {
    expect(parseRetryAfterInMs({ "retry-after": "5", "retry-after-ms": "250" }, now)).toBe(250);
    expect(parseRetryAfterInMs({ "x-ms-retry-after-ms": "120" }, now)).toBe(120);
  });
  it("ignores missing and unusable values", () => {
    expect(parseRetryAfterInMs({}, now)).toBeUndefined();
    expect(parseRetryAfterInMs({ "retry-after": "soon" }, now)).toBeUndefined();
    expect(parseRetryAfterInMs({ "retry-after": "-3" }, now)).toBeUndefined();
  });
  it("reads headers objects with get()", () => {
    const headers = new Map([["retry-after", "2"]]);
    expect(parseRetryAfterInMs({ get: (n: string) => headers.get(n.toLowerCase()) }, now)).toBe(2000);
  });
});

describe("nextPollDelayInMs", () => {
  it("uses the interval when the service gives no Retry-After, capped at 10 minutes", () => {
    expect(nextPollDelayInMs(2000, undefined)).toBe(2000);
    expect(nextPollDelayInMs(3_600_000, undefined)).toBe(MAX_POLL_DELAY_IN_MS);
  });
  it("bounds Retry-After to [min(interval, 1 s), 10 min]", () => {
    expect(nextPollDelayInMs(2000, 0)).toBe(1000);
    expect(nextPollDelayInMs(500, 0)).toBe(500);
    expect(nextPollDelayInMs(0, 0)).toBe(0);
    expect(nextPollDelayInMs(2000, 15000)).toBe(15000);
    expect(nextPollDelayInMs(2000, 86_400_000)).toBe(MAX_POLL_DELAY_IN_MS);
  });
});
