import type { PipelinePolicy } from "../pipeline.js";

/**
 * The name of the client request id policy.
 * @public
 */
export const setClientRequestIdPolicyName = "setClientRequestIdPolicy";

/**
 * Sends `request.requestId` as `x-ms-client-request-id` (or the header named) unless the request
 * already has one, so a call can be found in the service's logs.
 * @public
 */
export function setClientRequestIdPolicy(requestIdHeaderName = "x-ms-client-request-id"): PipelinePolicy {
  return {
    name: setClientRequestIdPolicyName,
    sendRequest(request, next) {
      if (!request.headers.has(requestIdHeaderName))
        request.headers.set(requestIdHeaderName, request.requestId);
      return next(request);
    },
  };
}
