/**
 * Pollers for Azure long-running operations, of the two kinds the official packages return (the
 * non-thenable `SimplePollerLike` of `begin*` methods, the awaitable `PollerLike` of
 * newer-generation methods): async-iterable over their states, resumable from a token; the Azure
 * Resource Manager rules and a strategy API for data-plane operations.
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
export { createHttpSimplePoller } from "./createHttpSimplePoller.js";
export type { CreatePollerOptions } from "./createPoller.js";
export { createPoller } from "./createPoller.js";
export { createSimplePoller } from "./createSimplePoller.js";
export type { LroHeaders, LroRequestOptions, LroResponse, RunningOperation } from "./lroResponse.js";
export type { OperationState, OperationStatus, TerminalOperationStatus } from "./operationState.js";
export type { PollerLike, PollOptions } from "./pollerLike.js";
export type { CancelOnProgress, SimplePollerLike } from "./simplePollerLike.js";
export type { PipelineLroOptions } from "./pipelineLro.js";
export { createPipelineLro, toLroResponse } from "./pipelineLro.js";
export type { PollingStrategy, PollStep } from "./pollingStrategy.js";
