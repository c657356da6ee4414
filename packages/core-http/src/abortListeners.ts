import type { AbortSignalLike } from "./abortSignalLike.js";

interface SignalEntry {
  callbacks: Set<() => void>;
  dispatch: () => void;
}

/** One real listener per signal, shared by every pending azkit operation on it. */
const entries = new WeakMap<AbortSignalLike, SignalEntry>();

/**
 * Runs `callback` when `signal` aborts; returns the function that unsubscribes it. However many
 * operations share a signal at once, the signal carries one listener from azkit, so concurrent
 * calls never trigger Node's MaxListenersExceededWarning and finished calls leave nothing behind.
 */
export function addAbortListener(signal: AbortSignalLike, callback: () => void): () => void {
  let entry = entries.get(signal);
  if (entry === undefined) {
    const callbacks = new Set<() => void>();
    const dispatch = (): void => {
      entries.delete(signal);
      for (const pending of [...callbacks]) pending();
    };
    entry = { callbacks, dispatch };
    entries.set(signal, entry);
    signal.addEventListener("abort", dispatch, { once: true });
  }
  const current = entry;
  current.callbacks.add(callback);
  return () => {
    current.callbacks.delete(callback);
    if (current.callbacks.size === 0 && entries.get(signal) === current) {
      entries.delete(signal);
      signal.removeEventListener("abort", current.dispatch);
    }
  };
}
