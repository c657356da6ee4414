import type { OperationState } from "./operationState.js";
import type { PollOptions } from "./pollerLike.js";

/**
 * What `onProgress` returns: call it to stop receiving states. The `@azure/core-lro` 2.x name.
 * @public
 */
export type CancelOnProgress = () => void;

/**
 * A long-running operation in progress, as a classic `beginX(...)` method hands it over inside a
 * Promise: `const poller = await client.beginX(...)`. It is NOT thenable, so awaiting the
 * Promise gives the poller, never the result. Same shape as `@azure/core-lro` 2.x
 * `SimplePollerLike` (used by `@azure/arm-*` packages) and `@azure/storage-blob`'s
 * `PollerLikeWithCancellation`, so their users' code ports by changing the import.
 *
 * When to use which kind: `beginX` returns this one; the newer-generation plain-named methods
 * (`vaults.createOrUpdate`) return the thenable {@link PollerLike}. Both are made from the same
 * strategies and share one resume-token format.
 *
 * @example
 * ```ts
 * const poller = await client.beginDelete("my-rg"); // the initial request has been answered
 * poller.onProgress((state) => console.log(state.status));
 * const token = poller.toString();                    // store it to resume elsewhere
 * await poller.pollUntilDone();                       // polls every intervalInMs (or Retry-After)
 * ```
 * @public
 */
export interface SimplePollerLike<TState extends OperationState<TResult>, TResult> {
  /** Asks the service once for the current state (no wait before), unless already done; resolves with the new state. */
  poll(options?: PollOptions): Promise<TState>;
  /** Polls until the operation is done, then returns its result or throws its error; calling it again after `stopPolling()` resumes. */
  pollUntilDone(options?: PollOptions): Promise<TResult>;
  /** The same as `pollUntilDone`, under the name the Azure SDK design guidelines use. */
  result(options?: PollOptions): Promise<TResult>;
  /** Calls `callback` with each new state (after every poll); returns the function that unsubscribes. */
  onProgress(callback: (state: TState) => void): CancelOnProgress;
  /** Whether the operation reached a terminal status (`succeeded`, `failed` or `canceled`). */
  isDone(): boolean;
  /** Stops the automatic polling: a pending `pollUntilDone()` rejects with an `AbortError`; the operation goes on in the service. */
  stopPolling(): void;
  /** Whether `stopPolling()` was called and `pollUntilDone()` was not called again since. */
  isStopped(): boolean;
  /** Asks the service to cancel the operation, where it can (blob copy); throws for operations that cannot be canceled (ARM). */
  cancelOperation(options?: PollOptions): Promise<void>;
  /** A snapshot of the current state. */
  getOperationState(): TState;
  /** The result if the operation already succeeded, otherwise `undefined`; never waits. */
  getResult(): TResult | undefined;
  /** Resolves once the initial request answered; already resolved when the poller came from a `begin*` Promise. */
  submitted(): Promise<void>;
  /** The resume token (versioned JSON) to pass as `resumeFrom`/`restoreFrom`; the same as `toString()`. */
  serialize(): Promise<string>;
  /** The resume token, synchronously: what `@azure/core-lro` 2.x pollers return here. */
  toString(): string;
  /** Iterates the states: the current one, then one per poll, ending after a terminal one. */
  [Symbol.asyncIterator](): AsyncIterator<TState>;
}
