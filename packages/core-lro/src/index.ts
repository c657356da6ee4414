/**
 * Pollers for Azure long-running operations: awaitable, async-iterable over their states,
 * resumable from a token; the Azure Resource Manager rules and a strategy API for data-plane
 * operations.
 * @packageDocumentation
 */
export type {
  ArmPollingContext,
  ArmPollingStrategyOptions,
} from "./arm/armPollingStrategy.js";
export { createArmPollingStrategy } from "./arm/armPollingStrategy.js";
export type { ResourceLocationConfig } from "./arm/finalStateVia.js";
export type { CreateHttpPollerOptions } from "./createHttpPoller.js";
export { createHttpPoller } from "./createHttpPoller.js";
export type { CreatePollerOptions } from "./createPoller.js";
export { createPoller } from "./createPoller.js";
export type { LroHeaders, LroRequestOptions, LroResponse, RunningOperation } from "./lroResponse.js";
export type { OperationState, OperationStatus, TerminalOperationStatus } from "./operationState.js";
export type { PollerLike, PollOptions } from "./pollerLike.js";
export type { PipelineLroOptions } from "./pipelineLro.js";
export { createPipelineLro, toLroResponse } from "./pipelineLro.js";
export type { PollingStrategy, PollStep } from "./pollingStrategy.js";
