import type { OperationState, SimplePollerLike } from "@azkit/core-lro";

/**
 * The poller `BlobClient.beginCopyFromURL` resolves with: `@azkit/core-lro`'s non-thenable
 * `SimplePollerLike`, under the name `@azure/storage-blob` gives it, with `cancelOperation()`
 * (aborts the copy). Use it to type a variable holding a copy poller.
 *
 * @example
 * ```ts
 * const poller: PollerLikeWithCancellation<OperationState<BlobBeginCopyFromURLResponse>, BlobBeginCopyFromURLResponse> =
 *   await blobClient.beginCopyFromURL(sourceUrl);
 * ```
 * @public
 */
export type PollerLikeWithCancellation<TState extends OperationState<TResult>, TResult> = SimplePollerLike<
  TState,
  TResult
>;
