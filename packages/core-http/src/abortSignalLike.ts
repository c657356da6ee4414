/**
 * What azkit needs of an abort signal; the global `AbortSignal` (and `@azure/abort-controller`'s
 * signals) fit.
 * @public
 */
export interface AbortSignalLike {
  /** Whether the operation was aborted. */
  readonly aborted: boolean;
  /** Why it was aborted, when the signal carries a reason. */
  readonly reason?: unknown;
  /** Adds the listener that runs once the signal aborts. */
  addEventListener(
    type: "abort",
    listener: (this: AbortSignalLike, ev: unknown) => unknown,
    options?: unknown,
  ): void;
  /** Removes a listener added with `addEventListener`. */
  removeEventListener(
    type: "abort",
    listener: (this: AbortSignalLike, ev: unknown) => unknown,
    options?: unknown,
  ): void;
}
