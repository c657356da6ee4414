import type { AbortSignalLike } from "../abortSignalLike.js";
import { addAbortListener } from "../abortListeners.js";
import { AbortError } from "../errors.js";

/**
 * Waits `ms`, or rejects with an AbortError as soon as `signal` aborts; the listener is removed
 * either way so a long-lived signal never collects listeners.
 */
export function abortableDelay(ms: number, signal: AbortSignalLike | undefined, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new AbortError(`${what} was aborted.`));
      return;
    }
    let removeAbortListener: (() => void) | undefined;
    const timer = setTimeout(() => {
      removeAbortListener?.();
      resolve();
    }, ms);
    if (signal) {
      removeAbortListener = addAbortListener(signal, () => {
        clearTimeout(timer);
        reject(new AbortError(`${what} was aborted.`));
      });
    }
  });
}
