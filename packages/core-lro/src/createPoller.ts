import type { AbortSignalLike } from "@azkit/core-http";
import { createClientLogger } from "@azkit/core-logging";
import { abortableDelay, raceAbort } from "./abortableDelay.js";
import { createAbortError } from "./errors.js";
import { isTerminalStatus, type OperationState } from "./operationState.js";
import type { PollerLike, PollOptions } from "./pollerLike.js";
import type { PollingStrategy, PollStep } from "./pollingStrategy.js";
import { readResumeToken, writeResumeToken } from "./resumeToken.js";
import { nextPollDelayInMs } from "./retryAfter.js";

const logger = createClientLogger("core-lro");

/** The default wait between two polls when the service gives no `Retry-After`, as in `@azure/core-lro`. */
export const DEFAULT_POLL_INTERVAL_IN_MS = 2000;

/**
 * Options of {@link createPoller}.
 * @public
 */
export interface CreatePollerOptions<TResult, TContext> {
  /** How to start, poll and cancel this kind of operation. */
  strategy: PollingStrategy<TResult, TContext>;
  /** The wait between polls when the service sends no `Retry-After` (default 2000 ms; 0 is for tests and benchmarks). */
  intervalInMs?: number;
  /** A token from `serialize()`: resume that operation instead of sending the initial request. */
  restoreFrom?: string;
  /** Aborts the initial request (later waits take their own signal). */
  abortSignal?: AbortSignalLike;
}

/**
 * Creates a poller that drives `strategy`: it sends the initial request at once (unless
 * `restoreFrom` is given) and returns synchronously. Use it to give a data-plane operation the
 * same poller every `begin*` method returns; ARM operations use {@link createHttpPoller}.
 *
 * @example
 * ```ts
 * function beginCopyFromURL(source: string, options: BeginCopyOptions = {}) {
 *   return createPoller({
 *     strategy: blobCopyStrategy(this, source),
 *     intervalInMs: options.intervalInMs,
 *     restoreFrom: options.restoreFrom,
 *   });
 * }
 * const copy = await blob.beginCopyFromURL(url); // awaits the copy's end
 * ```
 * @public
 */
export function createPoller<TResult, TContext = unknown>(
  options: CreatePollerOptions<TResult, TContext>,
): PollerLike<OperationState<TResult>, TResult> {
  return new StrategyPoller(options);
}

type State<TResult> = OperationState<TResult>;

/**
 * The one poller implementation; private behind {@link createPoller} and `createSimplePoller`
 * (which wraps it) so its fields can change.
 */
export class StrategyPoller<TResult, TContext> implements PollerLike<State<TResult>, TResult> {
  /**
   * The resume token of `poller` now, without waiting: for `SimplePollerLike.toString()`, whose
   * pollers exist only once submitted. A static, so the thenable poller's shape stays as it is.
   */
  static tokenNow<R, C>(poller: StrategyPoller<R, C>): string {
    if (poller.#initialError !== undefined) throw poller.#initialError;
    if (poller.#state.status === "notStarted") {
      throw new Error("toString: the initial request has not been answered yet; await submitted() first.");
    }
    return writeResumeToken(poller.#strategy.kind, poller.#state, poller.#context);
  }

  readonly #strategy: PollingStrategy<TResult, TContext>;
  readonly #intervalInMs: number;
  readonly #listeners = new Set<(state: State<TResult>) => void>();
  /** Settles (never rejects) once the initial request answered or the token was read. */
  readonly #submittedSettled: Promise<void>;
  #initialError: unknown;
  #state: State<TResult> = { status: "notStarted" };
  #context: TContext | undefined;
  #retryAfterInMs: number | undefined;
  #pollInFlight: Promise<State<TResult>> | undefined;
  /** The single polling loop shared by every waiter (pollUntilDone, result, then, for await). */
  #driver: { promise: Promise<void>; controller: AbortController } | undefined;
  #waiters = 0;
  /** Iterators waiting for their next state, told when the shared loop fails. */
  readonly #failureListeners = new Set<(error: unknown) => void>();

  constructor(options: CreatePollerOptions<TResult, TContext>) {
    const { strategy, intervalInMs = DEFAULT_POLL_INTERVAL_IN_MS, restoreFrom } = options;
    if (!strategy || typeof strategy.start !== "function" || typeof strategy.poll !== "function") {
      throw new TypeError("createPoller: expected options.strategy with start() and poll().");
    }
    if (typeof intervalInMs !== "number" || !(intervalInMs >= 0)) {
      throw new TypeError(`createPoller: intervalInMs must be a number >= 0, got ${String(intervalInMs)}.`);
    }
    this.#strategy = strategy;
    this.#intervalInMs = intervalInMs;
    if (restoreFrom !== undefined) {
      this.#restore(restoreFrom);
      this.#submittedSettled = Promise.resolve();
    } else {
      // Through a promise chain so that a strategy throwing synchronously fails the poller, not the caller.
      this.#submittedSettled = Promise.resolve({ abortSignal: options.abortSignal })
        .then((requestOptions) => strategy.start(requestOptions))
        .then(
          (step) => this.#apply(step),
          (error: unknown) => {
            this.#initialError = error;
            this.#setState({ status: "failed", error: toError(error) });
          },
        );
    }
  }

  get isDone(): boolean {
    return isTerminalStatus(this.#state.status);
  }

  get operationState(): State<TResult> {
    return this.#state;
  }

  async submitted(): Promise<void> {
    await this.#submittedSettled;
    if (this.#initialError !== undefined) throw this.#initialError;
  }

  getResult(): TResult | undefined {
    return this.#state.status === "succeeded" ? this.#state.result : undefined;
  }

  // biome-ignore lint/suspicious/noThenProperty: awaitable by design, `await poller` is the result (as @azure/core-lro 3.x).
  then<TResult1 = TResult, TResult2 = never>(
    onfulfilled?: ((value: TResult) => TResult1 | PromiseLike<TResult1>) | null,
    onrejected?: ((reason: unknown) => TResult2 | PromiseLike<TResult2>) | null,
  ): Promise<TResult1 | TResult2> {
    return this.pollUntilDone().then(onfulfilled, onrejected);
  }

  catch<TResult2 = never>(
    onrejected?: ((reason: unknown) => TResult2 | PromiseLike<TResult2>) | null,
  ): Promise<TResult | TResult2> {
    return this.pollUntilDone().catch(onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<TResult> {
    return this.pollUntilDone().finally(onfinally);
  }

  result(options?: PollOptions): Promise<TResult> {
    return this.pollUntilDone(options);
  }

  async pollUntilDone(options: PollOptions = {}): Promise<TResult> {
    const { abortSignal } = options;
    if (abortSignal?.aborted) throw createAbortError();
    if (!this.isDone) {
      this.#waiters++;
      try {
        await raceAbort(this.#ensureDriver(), abortSignal);
      } finally {
        this.#release();
      }
    }
    return this.#outcome();
  }

  async poll(options: PollOptions = {}): Promise<State<TResult>> {
    await raceAbort(this.#submittedSettled, options.abortSignal);
    if (this.isDone) return this.#state;
    return raceAbort(this.#pollInFlight ?? this.#startPoll(options.abortSignal), options.abortSignal);
  }

  /** Sends one poll (shared by every caller until it settles) and applies its step. */
  #startPoll(abortSignal: AbortSignalLike | undefined): Promise<State<TResult>> {
    const context = this.#context as TContext;
    const strategy = this.#strategy;
    const inFlight = Promise.resolve({ abortSignal })
      .then((requestOptions) => strategy.poll(context, requestOptions))
      .then(
        (step) => {
          // Applied first, as before: a progress listener that polls gets this poll, not a new one.
          try {
            this.#apply(step);
          } finally {
            this.#pollInFlight = undefined;
          }
          return this.#state;
        },
        (error: unknown) => {
          this.#pollInFlight = undefined;
          throw error;
        },
      );
    this.#pollInFlight = inFlight;
    return inFlight;
  }

  onProgress(callback: (state: State<TResult>) => void): () => void {
    // Each subscription gets its own wrapper so subscribing the same function twice unsubscribes separately.
    const listener = (state: State<TResult>): void => callback(state);
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  async cancel(options: PollOptions = {}): Promise<State<TResult>> {
    await raceAbort(this.#submittedSettled, options.abortSignal);
    if (this.isDone) return this.#state;
    const { cancel } = this.#strategy;
    if (!cancel) {
      throw new Error(`cancel: this "${this.#strategy.kind}" operation cannot be canceled by the service.`);
    }
    const step = await cancel.call(this.#strategy, this.#context as TContext, {
      abortSignal: options.abortSignal,
    });
    if (step) this.#apply(step);
    return this.#state;
  }

  async serialize(): Promise<string> {
    await this.#submittedSettled;
    if (this.#initialError !== undefined) throw this.#initialError;
    return writeResumeToken(this.#strategy.kind, this.#state, this.#context);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<State<TResult>> {
    const pending: State<TResult>[] = [];
    let failure: { error: unknown } | undefined;
    let wake: (() => void) | undefined;
    const unsubscribe = this.onProgress((state) => {
      pending.push(state);
      wake?.();
    });
    const onFailure = (error: unknown): void => {
      failure = { error };
      wake?.();
    };
    this.#failureListeners.add(onFailure);
    this.#waiters++;
    try {
      await this.#submittedSettled;
      pending.length = 0; // the current state below stands for everything before it
      let current = this.#state;
      yield current;
      while (!isTerminalStatus(current.status)) {
        if (pending.length === 0) {
          if (failure) throw failure.error;
          this.#ensureDriver();
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
          wake = undefined;
          continue;
        }
        current = pending.shift()!;
        yield current;
      }
    } finally {
      unsubscribe();
      this.#failureListeners.delete(onFailure);
      this.#release();
    }
  }

  /** Starts the shared polling loop unless it runs; every waiter awaits the same loop. */
  #ensureDriver(): Promise<void> {
    if (!this.#driver) {
      const controller = new AbortController();
      const promise = this.#runLoop(controller.signal).finally(() => {
        if (this.#driver?.controller === controller) this.#driver = undefined;
      });
      // Waiters observe the rejection; iterators (which may be between two steps) hear of it here.
      // A loop stopped because every waiter left must not crash the process as an unhandled rejection.
      promise.catch((error: unknown) => {
        if (controller.signal.aborted) return;
        for (const listener of this.#failureListeners) listener(error);
      });
      this.#driver = { promise, controller };
    }
    return this.#driver.promise;
  }

  /** Stops the loop when the last waiter left (aborted or broke out of `for await`). */
  #release(): void {
    this.#waiters--;
    if (this.#waiters === 0 && this.#driver) {
      this.#driver.controller.abort();
      this.#driver = undefined;
    }
  }

  async #runLoop(abortSignal: AbortSignal): Promise<void> {
    await this.#submittedSettled;
    while (!this.isDone) {
      await abortableDelay(nextPollDelayInMs(this.#intervalInMs, this.#retryAfterInMs), abortSignal);
      // Not through poll(): the loop's signal already reaches the poll request, and racing it
      // again costs two abort listeners per poll; once it fires, the next delay stops the loop.
      await (this.#pollInFlight ?? this.#startPoll(abortSignal));
    }
  }

  #outcome(): TResult {
    const state = this.#state;
    if (state.status === "succeeded") return state.result as TResult;
    if (this.#initialError !== undefined) throw this.#initialError;
    throw state.error ?? new Error(`The long-running operation ended with status "${state.status}".`);
  }

  #apply(step: PollStep<TResult, TContext>): void {
    this.#context = step.context;
    this.#retryAfterInMs = step.retryAfterInMs;
    const state: State<TResult> = { status: step.status };
    if (step.percentComplete !== undefined) state.percentComplete = step.percentComplete;
    if (step.status === "succeeded") state.result = step.result;
    else if (step.partialResult !== undefined) state.partialResult = step.partialResult;
    if (step.error !== undefined) state.error = step.error;
    this.#setState(state);
  }

  #setState(state: State<TResult>): void {
    this.#state = state;
    if (logger.verbose.enabled) {
      logger.verbose(`${this.#strategy.kind} operation: ${state.status}`, {
        percentComplete: state.percentComplete,
      });
    }
    for (const listener of this.#listeners) {
      try {
        listener(state);
      } catch (error) {
        // A broken progress callback must not stop the operation everyone else awaits.
        logger.warning("an onProgress callback threw; polling goes on", { error: toError(error).message });
      }
    }
  }

  #restore(token: string): void {
    const contents = readResumeToken(token, this.#strategy.kind);
    this.#context = contents.context as TContext;
    const state: State<TResult> = { status: contents.status };
    if (contents.percentComplete !== undefined) state.percentComplete = contents.percentComplete;
    if (contents.status === "succeeded") state.result = contents.result as TResult;
    if (contents.error) {
      const error = new Error(contents.error.message);
      error.name = contents.error.name;
      if (contents.error.code) Object.assign(error, { code: contents.error.code });
      state.error = error;
    }
    this.#state = state;
  }
}

function toError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}
