import type { AbortSignalLike } from "@azkit/core-http";
import {
  type ArmPollingContext,
  type ArmPollingStrategyOptions,
  createArmPollingStrategy,
} from "./arm/armPollingStrategy.js";
import { createPoller } from "./createPoller.js";
import type { RunningOperation } from "./lroResponse.js";
import type { OperationState } from "./operationState.js";
import type { PollerLike } from "./pollerLike.js";

/**
 * Options of {@link createHttpPoller}: the ARM rules' options plus the poller's timing and resume.
 * @public
 */
export interface CreateHttpPollerOptions<TResult> extends ArmPollingStrategyOptions<TResult> {
  /** The wait between polls when the service sends no `Retry-After` (default 2000 ms). */
  intervalInMs?: number;
  /** A token from `serialize()`: resume polling without sending the initial request again. */
  restoreFrom?: string;
  /** Aborts the initial request. */
  abortSignal?: AbortSignalLike;
}

/**
 * Creates the poller of an Azure Resource Manager long-running operation: sends the initial
 * request now (unless resuming) and returns the poller synchronously. Same name and role as
 * `@azure/core-lro`'s `createHttpPoller`; generated `begin*` methods call it.
 *
 * @example
 * ```ts
 * beginDelete(resourceGroupName: string, options: BeginDeleteOptions = {}) {
 *   const url = `${this.endpoint}/subscriptions/${this.subscriptionId}/resourcegroups/${resourceGroupName}?api-version=2021-04-01`;
 *   return createHttpPoller<void>(createPipelineLro({ client: this, method: "DELETE", url }), {
 *     intervalInMs: options.intervalInMs,
 *     restoreFrom: options.restoreFrom,
 *   });
 * }
 * await client.beginDelete("my-rg"); // 202 + Location, polled until 200
 * ```
 * @public
 */
export function createHttpPoller<TResult>(
  lro: RunningOperation,
  options: CreateHttpPollerOptions<TResult> = {},
): PollerLike<OperationState<TResult>, TResult> {
  const { intervalInMs, restoreFrom, abortSignal, ...strategyOptions } = options;
  return createPoller<TResult, ArmPollingContext>({
    strategy: createArmPollingStrategy<TResult>(lro, strategyOptions),
    intervalInMs,
    restoreFrom,
    abortSignal,
  });
}
