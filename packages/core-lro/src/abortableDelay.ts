import type { AbortSignalLike } from "@azkit/core-http";
import { createAbortError } from "./errors.js";

/**
 * Resolves after `ms` (at once when `ms <= 0`), or rejects with an `AbortError` as soon as
 * `abortSignal` fires; the timer is cleared either way so nothing keeps the process alive.
 */
export function abortableDelay(ms: number, abortSignal?: AbortSignalLike): Promise<void> {
  if (abortSignal?.aborted) return Promise.reject(createAbortError());
  if (ms <= 0) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(createAbortError());
    };
    const timer = setTimeout(() => {
      abortSignal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    abortSignal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** Settles like `promise`, or rejects with an `AbortError` when `abortSignal` fires first. */
export function raceAbort<T>(promise: Promise<T>, abortSignal?: AbortSignalLike): Promise<T> {
  if (!abortSignal) return promise;
  if (abortSignal.aborted) return Promise.reject(createAbortError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(createAbortError());
    abortSignal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        abortSignal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        abortSignal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
