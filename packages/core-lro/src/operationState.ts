/**
 * Where a long-running operation is: `notStarted` until the initial request answered, `running`
 * while the service works, then one of the terminal states `succeeded`, `failed` or `canceled`.
 * @public
 */
export type OperationStatus = "notStarted" | "running" | "succeeded" | "failed" | "canceled";

/**
 * The terminal statuses: once a poller reaches one, it never polls again.
 * @public
 */
export type TerminalOperationStatus = "succeeded" | "failed" | "canceled";

/**
 * What a poller knows about its operation; read it from `poller.operationState`, from
 * `onProgress` callbacks, or from each step of `for await (const state of poller)`.
 * @public
 */
export interface OperationState<TResult> {
  /** The current status; see {@link OperationStatus}. */
  status: OperationStatus;
  /** The final result, set once `status` is `succeeded`. */
  result?: TResult;
  /** Why the operation failed or was canceled, set once `status` is `failed` or `canceled`. */
  error?: Error;
  /** How far along the service says it is (0..100), when the service reports it. */
  percentComplete?: number;
  /** The resource as the service showed it while running, when the service returns one (ARM `provisioningState` bodies). */
  partialResult?: TResult;
}

/** Whether `status` is one of the three terminal statuses. */
export function isTerminalStatus(status: OperationStatus): status is TerminalOperationStatus {
  return status === "succeeded" || status === "failed" || status === "canceled";
}
