import { setContinuationToken } from "../paging/continuationToken.js";
import "./continuationTokenReaders.js";
import type { SyncBridge } from "./syncBridge.js";
import { requireProxyTarget } from "./syncProxyHandles.js";

/**
 * The blocking face of a worker-side async iterator: each `next()` waits for the worker's next
 * value. Breaking out of a `for...of` calls `return()`, which ends the worker-side iterator; the
 * worker drops it once this proxy is garbage.
 */
export class SyncIterator<T> implements IterableIterator<T> {
  private finished = false;

  /** Pulls the next value, blocking until the worker has it. */
  next(): IteratorResult<T> {
    if (this.finished) return { done: true, value: undefined };
    const { bridge, handle } = requireProxyTarget(this);
    const step = bridge.call({ op: "next", handle }) as IteratorResult<T> & { continuationToken?: string };
    if (step.done === true) this.finished = true;
    if (step.continuationToken !== undefined) {
      const page = step.value as unknown;
      setContinuationToken(page, step.continuationToken);
      delete step.continuationToken;
    }
    return step;
  }

  /** Stops early: the worker ends its iterator (`return()`). */
  return(value?: unknown): IteratorResult<T> {
    if (!this.finished) {
      this.finished = true;
      const { bridge, handle } = requireProxyTarget(this);
      bridge.request({ op: "return", handle });
    }
    return { done: true, value } as IteratorResult<T>;
  }

  /** The iterator itself, so it works in `for...of`. */
  [Symbol.iterator](): this {
    return this;
  }
}

/** Calls `[Symbol.asyncIterator]()` on a worker-side object and wraps the result. */
export function iterateRemote<T>(bridge: SyncBridge, handle: number): SyncIterator<T> {
  return bridge.call({ op: "iterate", handle }) as SyncIterator<T>;
}
