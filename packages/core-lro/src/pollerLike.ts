import type { AbortSignalLike } from "@azkit/core-http";
import type { OperationState } from "./operationState.js";

/**
 * Options of the calls that wait: `pollUntilDone`, `result` and `poll`.
 * @public
 */
export interface PollOptions {
  /** Stops this call from waiting (it rejects with an `AbortError`); the operation itself goes on in the service. */
  abortSignal?: AbortSignalLike;
}

/**
 * A long-running operation in progress, as every `begin*` method returns it (synchronously).
 * Same shape as `@azure/core-lro` 3.x `PollerLike`, so code ports by changing the import.
 *
 * Three ways to wait, all with the same outcome (the result, or the operation's error thrown):
 * `await poller`, `await poller.result()`, `await poller.pollUntilDone()`.
 *
 * When to use the rest: `for await (const state of poller)` or `onProgress` to show progress;
 * `serialize()` and the `restoreFrom` option to continue in another process; `poll()` to drive
 * polling yourself.
 *
 * @example
 * ```ts
 * const poller = client.beginCreateOrUpdate(rg, name, params);
 * poller.onProgress((s) => console.log(s.status, s.percentComplete));
 * const token = await poller.serialize(); // store it to resume elsewhere
 * const vault = await poller;             // polls every intervalInMs (or Retry-After) until done
 * ```
 * @public
 */
export interface PollerLike<TState extends OperationState<TResult>, TResult> extends PromiseLike<TResult> {
  /** Whether the operation reached a terminal status (`succeeded`, `failed` or `canceled`). */
  readonly isDone: boolean;
  /** A snapshot of the current state; `status` is `notStarted` until the initial request answered. */
  readonly operationState: TState;
  /** Resolves once the initial request completed (rejects if it failed); use it before `serialize()` in another place or to learn the first state. */
  submitted(): Promise<void>;
  /** Polls until the operation is done, then returns its result or throws its error (an `HttpResponseError` for failed/canceled ARM operations). */
  pollUntilDone(options?: PollOptions): Promise<TResult>;
  /** The same as `pollUntilDone`, under the name Python's azure-core pollers use. */
  result(options?: PollOptions): Promise<TResult>;
  /** The result if the operation already succeeded, otherwise `undefined`; never waits. */
  getResult(): TResult | undefined;
  /** Asks the service once for the current state (no wait before), unless already done; returns the new state. */
  poll(options?: PollOptions): Promise<TState>;
  /** Calls `callback` with each new state (after the initial request and after every poll); returns the function that unsubscribes. */
  onProgress(callback: (state: TState) => void): () => void;
  /** Requests cancellation where the operation's strategy supports it (throws otherwise); returns the state afterwards. */
  cancel(options?: PollOptions): Promise<TState>;
  /** A resume token (versioned JSON) to pass as `restoreFrom` to the same `begin*` method, in this process or another. */
  serialize(): Promise<string>;
  /** Like `Promise.prototype.catch` on the result: `poller.catch(handle)` = `poller.pollUntilDone().catch(handle)`. */
  catch<TResult2 = never>(
    onrejected?: ((reason: unknown) => TResult2 | PromiseLike<TResult2>) | null,
  ): Promise<TResult | TResult2>;
  /** Like `Promise.prototype.finally` on the result; runs `onfinally` once the operation settled. */
  finally(onfinally?: (() => void) | null): Promise<TResult>;
  /** Iterates the states: the current one once submitted, then one per poll, ending after a terminal one (a failure ends the loop; awaiting the poller throws it). */
  [Symbol.asyncIterator](): AsyncIterator<TState>;
}
