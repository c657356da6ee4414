import { AbortError, type AbortSignalLike } from "@azkit/core-http";
import { type CreatePollerOptions, StrategyPoller } from "./createPoller.js";
import type { OperationState } from "./operationState.js";
import type { PollOptions } from "./pollerLike.js";
import type { CancelOnProgress, SimplePollerLike } from "./simplePollerLike.js";

type State<TResult> = OperationState<TResult>;

/**
 * Creates the non-thenable poller a classic `beginX(...)` method returns: sends the initial
 * request (unless `restoreFrom` is given) and resolves once it answered, so the initial request's
 * error rejects the `begin*` Promise itself, as in the official packages. Same strategies, same
 * options and same resume tokens as {@link createPoller}; ARM operations use
 * {@link createHttpSimplePoller}.
 *
 * @example
 * ```ts
 * beginCopyFromURL(source: string, options: BlobBeginCopyFromURLOptions = {}) {
 *   return createSimplePoller({
 *     strategy: blobCopyStrategy(this, source),
 *     intervalInMs: options.intervalInMs,
 *     restoreFrom: options.resumeFrom,
 *   });
 * }
 * const poller = await blob.beginCopyFromURL(url); // the poller, not the result
 * const result = await poller.pollUntilDone();
 * ```
 * @public
 */
export async function createSimplePoller<TResult, TContext = unknown>(
  options: CreatePollerOptions<TResult, TContext>,
): Promise<SimplePollerLike<OperationState<TResult>, TResult>> {
  const poller = new StrategyPoller<TResult, TContext>(options);
  await poller.submitted();
  return new SimplePoller(poller as StrategyPoller<TResult, unknown>);
}

/**
 * The `SimplePollerLike` over the one polling implementation (`StrategyPoller`): it adds the
 * method-style reads and `stopPolling`, and leaves out `then`, so a Promise can carry it.
 */
class SimplePoller<TResult> implements SimplePollerLike<State<TResult>, TResult> {
  readonly #poller: StrategyPoller<TResult, unknown>;
  /** Fires to stop the running `pollUntilDone` calls; replaced once it fired. */
  #stop = new AbortController();
  #stopped = false;

  constructor(poller: StrategyPoller<TResult, unknown>) {
    this.#poller = poller;
  }

  poll(options?: PollOptions): Promise<State<TResult>> {
    return this.#poller.poll(options);
  }

  async pollUntilDone(options: PollOptions = {}): Promise<TResult> {
    this.#stopped = false;
    const stop = this.#stop.signal;
    const { signal, dispose } = eitherSignal(stop, options.abortSignal);
    try {
      return await this.#poller.pollUntilDone({ abortSignal: signal });
    } catch (error) {
      if (stop.aborted && error instanceof AbortError && !options.abortSignal?.aborted) {
        throw new AbortError(
          "Stopped waiting for the long-running operation: stopPolling() was called. The operation goes on in the service; call pollUntilDone() again to resume.",
        );
      }
      throw error;
    } finally {
      dispose();
    }
  }

  result(options?: PollOptions): Promise<TResult> {
    return this.pollUntilDone(options);
  }

  onProgress(callback: (state: State<TResult>) => void): CancelOnProgress {
    return this.#poller.onProgress(callback);
  }

  isDone(): boolean {
    return this.#poller.isDone;
  }

  stopPolling(): void {
    this.#stopped = true;
    this.#stop.abort();
    this.#stop = new AbortController();
  }

  isStopped(): boolean {
    return this.#stopped;
  }

  async cancelOperation(options?: PollOptions): Promise<void> {
    await this.#poller.cancel(options);
  }

  getOperationState(): State<TResult> {
    return this.#poller.operationState;
  }

  getResult(): TResult | undefined {
    return this.#poller.getResult();
  }

  submitted(): Promise<void> {
    return this.#poller.submitted();
  }

  serialize(): Promise<string> {
    return this.#poller.serialize();
  }

  toString(): string {
    return StrategyPoller.tokenNow(this.#poller);
  }

  [Symbol.asyncIterator](): AsyncIterator<State<TResult>> {
    return this.#poller[Symbol.asyncIterator]();
  }
}

/** A signal that fires when `a` or `b` fires; `dispose` removes the listeners it added. */
function eitherSignal(
  a: AbortSignal,
  b: AbortSignalLike | undefined,
): { signal: AbortSignal; dispose: () => void } {
  if (!b) return { signal: a, dispose: () => {} };
  const controller = new AbortController();
  const abort = (): void => controller.abort();
  if (a.aborted || b.aborted) abort();
  a.addEventListener("abort", abort, { once: true });
  b.addEventListener("abort", abort, { once: true });
  return {
    signal: controller.signal,
    dispose: () => {
      a.removeEventListener("abort", abort);
      b.removeEventListener("abort", abort);
    },
  };
}
