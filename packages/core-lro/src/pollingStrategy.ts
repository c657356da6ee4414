import type { LroRequestOptions } from "./lroResponse.js";

/**
 * What a strategy learned from one response: the status, the (JSON-serializable) context it needs
 * to continue, and whatever the service said about progress and timing.
 * @public
 */
export interface PollStep<TResult, TContext> {
  /** The status after this response; a strategy never returns `notStarted`. */
  status: "running" | "succeeded" | "failed" | "canceled";
  /** Everything needed to take the next step, for example the status URL. Must survive `JSON.stringify`: it is what resume tokens carry. */
  context: TContext;
  /** The final result, when `status` is `succeeded`. */
  result?: TResult;
  /** The error to raise, when `status` is `failed` or `canceled`. */
  error?: Error;
  /** Progress the service reported (0..100), if any. */
  percentComplete?: number;
  /** The resource as the service showed it while running, if it returned one. */
  partialResult?: TResult;
  /** The wait the service asked for before the next poll (from `Retry-After`), in ms. */
  retryAfterInMs?: number;
}

/**
 * How one kind of long-running operation is started, polled and (optionally) canceled. Pollers
 * are built from a strategy with {@link createPoller}; ARM operations use
 * {@link createArmPollingStrategy}, and a data-plane service writes its own in a few lines.
 *
 * When to write one: the service's operation is not ARM-shaped, for example a blob copy whose
 * status is the `x-ms-copy-status` header of the blob's properties.
 *
 * @example
 * ```ts
 * // Blob copy: the initial request starts the copy, polling reads the blob's properties.
 * const strategy: PollingStrategy<CopyResult, { copyId: string }> = {
 *   kind: "storage-blob-copy",
 *   async start({ abortSignal }) {
 *     const r = await blob.startCopyFromURL(source, { abortSignal });
 *     return toStep(r.copyStatus, { copyId: r.copyId });
 *   },
 *   async poll(context, { abortSignal }) {
 *     const p = await blob.getProperties({ abortSignal });
 *     return toStep(p.copyStatus, context); // "pending" -> running, "success" -> succeeded, ...
 *   },
 *   async cancel(context, { abortSignal }) {
 *     await blob.abortCopyFromURL(context.copyId, { abortSignal });
 *     return { status: "canceled", context, error: new Error("copy aborted") };
 *   },
 * };
 * const poller = createPoller({ strategy, intervalInMs: 1000 });
 * ```
 * @public
 */
export interface PollingStrategy<TResult, TContext = unknown> {
  /** A short name stamped into resume tokens, so a token made for another strategy is refused. */
  readonly kind: string;
  /** Sends the initial request; called once per operation, never when resuming from a token. */
  start(options: LroRequestOptions): Promise<PollStep<TResult, TContext>>;
  /** Asks the service once where the operation is. Throws when the status cannot be read. */
  poll(context: TContext, options: LroRequestOptions): Promise<PollStep<TResult, TContext>>;
  /** Asks the service to cancel, when it supports that; may return the state it reports right away. */
  cancel?(context: TContext, options: LroRequestOptions): Promise<PollStep<TResult, TContext> | undefined>;
}
