import { setImmediate as realSetImmediate } from "node:timers/promises";
import { vi } from "vitest";

/** Fakes only what pollers wait on, so node:http's own timers and setImmediate stay real. */
export function useFakePollTimers(): void {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
}

/**
 * Lets real I/O run and, whenever the poller sleeps on a fake timer, jumps to it; returns once
 * `promise` settled. Records each jump (the poller's waits) in `waits`.
 */
export async function runWithFakeTimers<T>(promise: Promise<T>, waits: number[] = []): Promise<T> {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  while (!settled) {
    if (vi.getTimerCount() > 0) {
      const before = Date.now();
      await vi.advanceTimersToNextTimerAsync();
      waits.push(Date.now() - before);
    } else {
      await realSetImmediate();
    }
  }
  return promise;
}
