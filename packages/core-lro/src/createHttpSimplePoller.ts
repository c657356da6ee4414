import { type ArmPollingContext, createArmPollingStrategy } from "./arm/armPollingStrategy.js";
import type { CreateHttpPollerOptions } from "./createHttpPoller.js";
import { createSimplePoller } from "./createSimplePoller.js";
import type { RunningOperation } from "./lroResponse.js";
import type { OperationState } from "./operationState.js";
import type { SimplePollerLike } from "./simplePollerLike.js";

/**
 * Creates the non-thenable poller of an Azure Resource Manager long-running operation, as the
 * classic `beginX(...)` methods of `@azure/arm-*` return it: sends the initial request now
 * (unless resuming) and resolves once it answered. Same role as `@azure/core-lro` 2.x
 * `createHttpPoller`; the newer-generation plain-named methods use {@link createHttpPoller}.
 *
 * @example
 * ```ts
 * beginDelete(resourceGroupName: string, options: BeginDeleteOptions = {}) {
 *   const lro = createPipelineLro({ sendRequest: (r) => this.client.sendRequest(r), initialRequest });
 *   return createHttpSimplePoller<void>(lro, {
 *     intervalInMs: options.updateIntervalInMs,
 *     restoreFrom: options.resumeFrom,
 *   });
 * }
 * async beginDeleteAndWait(resourceGroupName: string, options?: BeginDeleteOptions) {
 *   return (await this.beginDelete(resourceGroupName, options)).pollUntilDone();
 * }
 * const poller = await client.beginDelete("my-rg"); // the poller, not the result
 * await poller.pollUntilDone();
 * ```
 * @public
 */
export function createHttpSimplePoller<TResult>(
  lro: RunningOperation,
  options: CreateHttpPollerOptions<TResult> = {},
): Promise<SimplePollerLike<OperationState<TResult>, TResult>> {
  const { intervalInMs, restoreFrom, abortSignal, ...strategyOptions } = options;
  return createSimplePoller<TResult, ArmPollingContext>({
    strategy: createArmPollingStrategy<TResult>(lro, strategyOptions),
    intervalInMs,
    restoreFrom,
    abortSignal,
  });
}
