import { isHttpResponseError } from "@azkit/core-http";
import { createOperationError, createResponseError } from "../errors.js";
import {
  getHeader,
  type LroRequestOptions,
  type LroResponse,
  type RunningOperation,
} from "../lroResponse.js";
import type { PollingStrategy, PollStep } from "../pollingStrategy.js";
import { parseRetryAfterInMs } from "../retryAfter.js";
import {
  isRecord,
  readArmError,
  readPercentComplete,
  readProvisioningState,
  type StepStatus,
  toStepStatus,
} from "./armStatus.js";
import { finalResultSource, type ResourceLocationConfig } from "./finalStateVia.js";

/**
 * What an ARM poller keeps between polls, and what its resume token carries.
 * @public
 */
export interface ArmPollingContext {
  /** Which header (or the body's `provisioningState`) the operation is tracked by. */
  mode: "azure-async-operation" | "operation-location" | "location" | "body";
  /** The method of the initial request. */
  requestMethod: string;
  /** The URL of the initial request. */
  requestUrl: string;
  /** The URL polled next: the status monitor, the latest `Location`, or the original URI in body mode. */
  pollUrl: string;
  /** The `Location` header of the initial response, a final-result source for POST. */
  locationUrl?: string;
  /** The operation's `final-state-via`, when its spec declares one. */
  finalStateVia?: ResourceLocationConfig;
}

/**
 * Options of {@link createArmPollingStrategy} and {@link createHttpPoller}.
 * @public
 */
export interface ArmPollingStrategyOptions<TResult> {
  /** The operation's `final-state-via` from its OpenAPI spec; omit it to use the ARM defaults per method. */
  resourceLocationConfig?: ResourceLocationConfig;
  /** Turns the final body (parsed JSON, `undefined` when empty) into the result, e.g. the service's deserializer. Default: the body as is. */
  processResult?: (body: unknown, response: LroResponse) => TResult;
}

/** The strategy kind stamped into ARM resume tokens. */
export const ARM_STRATEGY_KIND = "arm";

/**
 * The Azure Resource Manager polling rules as a {@link PollingStrategy}: tracks
 * `Azure-AsyncOperation`, `Operation-Location`, `Location` or the body's `provisioningState`,
 * honours `final-state-via`, and turns Failed/Canceled into an `HttpResponseError` carrying the
 * service's `error.code` and `error.message`. Use it through {@link createHttpPoller}, or directly
 * with {@link createPoller} to wrap it.
 *
 * @example
 * ```ts
 * const strategy = createArmPollingStrategy(lro, { resourceLocationConfig: "location" });
 * const poller = createPoller({ strategy, intervalInMs: 5000 });
 * ```
 * @public
 */
export function createArmPollingStrategy<TResult>(
  lro: RunningOperation,
  options: ArmPollingStrategyOptions<TResult> = {},
): PollingStrategy<TResult, ArmPollingContext> {
  const { resourceLocationConfig, processResult = (body: unknown) => body as TResult } = options;

  const succeeded = (
    context: ArmPollingContext,
    response: LroResponse,
  ): PollStep<TResult, ArmPollingContext> => ({
    status: "succeeded",
    context,
    result: processResult(response.body, response),
  });

  const terminalError = (
    status: "failed" | "canceled",
    context: ArmPollingContext,
    response: LroResponse,
  ): PollStep<TResult, ArmPollingContext> => ({
    status,
    context,
    error: createOperationError({
      status,
      response,
      error: readArmError(response.body),
      method: context.requestMethod,
      url: context.requestUrl,
    }),
  });

  /** Reads the final result once the status said Succeeded. */
  const finish = async (
    context: ArmPollingContext,
    last: LroResponse,
    requestOptions: LroRequestOptions,
  ): Promise<PollStep<TResult, ArmPollingContext>> => {
    if (context.mode === "body") return succeeded(context, last);
    const resourceLocation = isRecord(last.body) ? last.body.resourceLocation : undefined;
    const source = finalResultSource({
      requestMethod: context.requestMethod,
      requestUrl: context.requestUrl,
      locationUrl: context.locationUrl,
      mode: context.mode,
      finalStateVia: context.finalStateVia,
      resourceLocation:
        typeof resourceLocation === "string" ? resolveUrl(resourceLocation, context.pollUrl) : undefined,
    });
    if (source.kind === "none") return { status: "succeeded", context, result: undefined };
    if (source.kind === "lastBody") return succeeded(context, last);
    const response = await lro.sendPollRequest(source.url, requestOptions);
    if (response.statusCode >= 400)
      throw createResponseError(response, "reading the operation's final result");
    return succeeded(context, response);
  };

  return {
    kind: ARM_STRATEGY_KIND,

    async start(requestOptions) {
      const response = await lro.sendInitialRequest(requestOptions);
      if (response.statusCode >= 400) throw createResponseError(response, "starting the operation");
      const headers = response.headers;
      const asyncOperation = resolveUrl(getHeader(headers, "azure-asyncoperation"), lro.requestUrl);
      const operationLocation = resolveUrl(getHeader(headers, "operation-location"), lro.requestUrl);
      const location = resolveUrl(getHeader(headers, "location"), lro.requestUrl);
      const method = lro.requestMethod.toUpperCase();
      const base = {
        requestMethod: method,
        requestUrl: lro.requestUrl,
        finalStateVia: resourceLocationConfig,
      };
      const context: ArmPollingContext = asyncOperation
        ? { ...base, mode: "azure-async-operation", pollUrl: asyncOperation }
        : operationLocation
          ? { ...base, mode: "operation-location", pollUrl: operationLocation }
          : location
            ? { ...base, mode: "location", pollUrl: location }
            : { ...base, mode: "body", pollUrl: lro.requestUrl };
      if (location) context.locationUrl = location;
      if (context.finalStateVia === undefined) delete context.finalStateVia;
      const retryAfterInMs = parseRetryAfterInMs(headers);

      const status = initialStatus(response, context, method);
      if (status === "failed" || status === "canceled") return terminalError(status, context, response);
      if (status === "succeeded") return succeeded(context, response);
      const step: PollStep<TResult, ArmPollingContext> = { status: "running", context, retryAfterInMs };
      if (context.mode === "body" && response.body !== undefined) {
        step.partialResult = processResult(response.body, response);
      }
      return step;
    },

    async poll(context, requestOptions) {
      if (typeof context?.pollUrl !== "string" || typeof context.requestUrl !== "string") {
        throw new TypeError("createHttpPoller: the resume token's ARM context lacks pollUrl/requestUrl.");
      }
      let response: LroResponse;
      try {
        response = await lro.sendPollRequest(context.pollUrl, requestOptions);
      } catch (error) {
        // A transport that throws for 4xx (ServiceClient.sendRequest) reports a failed Location
        // operation this way; it means the same as receiving the 4xx.
        if (context.mode === "location" && isHttpResponseError(error) && error.statusCode < 500) {
          return { status: "failed", context, error };
        }
        throw error;
      }
      const retryAfterInMs = parseRetryAfterInMs(response.headers);
      const { statusCode } = response;

      if (context.mode === "location") {
        if (statusCode === 202) {
          const next = resolveUrl(getHeader(response.headers, "location"), context.pollUrl);
          const nextContext = next && next !== context.pollUrl ? { ...context, pollUrl: next } : context;
          return { status: "running", context: nextContext, retryAfterInMs };
        }
        // A 4xx from the Location URL is how ARM reports the operation failed; a 5xx is a
        // failure to read the status (the pipeline already retried it), so polling may go on.
        if (statusCode >= 400 && statusCode < 500) {
          return {
            status: "failed",
            context,
            error: createResponseError(response, "the operation failed"),
          };
        }
        if (statusCode >= 500) throw createResponseError(response, "reading the operation's status");
        return finish(context, response, requestOptions);
      }

      if (statusCode >= 400) throw createResponseError(response, "reading the operation's status");
      const body = response.body;

      if (context.mode === "body") {
        const status = toStepStatus(readProvisioningState(body));
        if (status === "failed" || status === "canceled") return terminalError(status, context, response);
        if (status === "succeeded") return succeeded(context, response);
        const step: PollStep<TResult, ArmPollingContext> = { status: "running", context, retryAfterInMs };
        if (body !== undefined) step.partialResult = processResult(body, response);
        return step;
      }

      // A status monitor (Azure-AsyncOperation / Operation-Location): { status, error, percentComplete }.
      const rawStatus = isRecord(body) ? body.status : undefined;
      const status: StepStatus =
        rawStatus === undefined && statusCode === 202 ? "running" : toStepStatus(rawStatus);
      if (status === "failed" || status === "canceled") return terminalError(status, context, response);
      if (status === "succeeded") return finish(context, response, requestOptions);
      const step: PollStep<TResult, ArmPollingContext> = { status: "running", context, retryAfterInMs };
      const percentComplete = readPercentComplete(body);
      if (percentComplete !== undefined) step.percentComplete = percentComplete;
      return step;
    },
  };
}

/** `value` as an absolute URL: services may answer a path, which is relative to the URL it came from. */
function resolveUrl(value: string | undefined, base: string): string | undefined {
  if (!value) return undefined;
  if (/^https?:\/\//i.test(value)) return value;
  try {
    return new URL(value, base).toString();
  } catch {
    return value;
  }
}

/**
 * The status the initial response shows: 204 is done; 202 with something to poll is running;
 * 200/201 follow the body's `provisioningState` (missing = succeeded, except a 201 that also
 * names a status monitor: the service created the operation and asks us to watch it).
 */
function initialStatus(response: LroResponse, context: ArmPollingContext, method: string): StepStatus {
  const { statusCode, body } = response;
  const hasMonitor = context.mode !== "body";
  if (statusCode === 204) return "succeeded";
  if (statusCode === 202) {
    if (hasMonitor) return "running";
    // A 202 without any header: only a PUT/PATCH body can still be watched, via the original URI.
    return (method === "PUT" || method === "PATCH") && readProvisioningState(body) !== undefined
      ? toStepStatus(readProvisioningState(body))
      : "succeeded";
  }
  const provisioningState = readProvisioningState(body);
  if (provisioningState === undefined) return hasMonitor && statusCode === 201 ? "running" : "succeeded";
  const status = toStepStatus(provisioningState);
  // Nothing to poll for a non-terminal POST/DELETE without headers: report what we were told.
  if (status === "running" && !hasMonitor && method !== "PUT" && method !== "PATCH") return "succeeded";
  return status;
}
