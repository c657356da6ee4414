import { setImmediate as realSetImmediate } from "node:timers/promises";
import { vi } from "vitest";

/** Fakes only what pollers wait on, so node:http's own timers and setImmediate stay real. */
export function useFakePollTimers(): void {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
}

/**
 * Lets real I/O run and, whenever the poller sleeps on a fake timer, jumps to it; returns once
 * `promise` settled. Records each jump (the poller's waits) in `waits`. `idle` says when only
 * the poller can own the pending timer (a transport's own timeouts are pending while a request
 * is in flight, and must not be jumped to).
 */
export async function runWithFakeTimers<T>(
  promise: Promise<T>,
  waits: number[] = [],
  idle: () => boolean = () => true,
): Promise<T> {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  while (!settled) {
    if (vi.getTimerCount() > 0 && idle()) {
      const before = Date.now();
      await vi.advanceTimersToNextTimerAsync();
      waits.push(Date.now() - before);
    } else {
      await realSetImmediate();
    }
  }
  return promise;
}
