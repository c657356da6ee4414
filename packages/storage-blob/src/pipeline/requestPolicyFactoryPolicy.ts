import type { PipelinePolicy, PipelineRequest, PipelineResponse, SendRequest } from "@azkit/core-http";
import { logger } from "../log.js";
import {
  toHttpOperationResponse,
  toPipelineRequest,
  toPipelineResponse,
  toWebResource,
} from "./compatViews.js";
import type {
  HttpOperationResponse,
  HttpPipelineLogLevel,
  RequestPolicy,
  RequestPolicyFactory,
  RequestPolicyOptions,
  WebResource,
} from "./requestPolicy.js";

/** The name of the policy that runs older-generation request policies inside a core-http pipeline. */
export const requestPolicyFactoryPolicyName = "requestPolicyFactoryPolicy";

/** `RequestPolicyOptions` writing to this package's logger. */
export const requestPolicyOptions: RequestPolicyOptions = {
  shouldLog(level: HttpPipelineLogLevel): boolean {
    if (level === 1) return logger.error.enabled;
    if (level === 2) return logger.warning.enabled;
    if (level === 3) return logger.info.enabled;
    return false;
  },
  log(level: HttpPipelineLogLevel, message: string): void {
    if (level === 1) logger.error(message);
    else if (level === 2) logger.warning(message);
    else if (level === 3) logger.info(message);
  },
};

/**
 * One core-http policy that runs `factories` as an older-generation chain: the first factory's
 * policy gets the request as a `WebResource`, each calls its `_nextPolicy`, and the last one's
 * next policy hands the request on to the rest of the core-http pipeline.
 */
export function requestPolicyFactoryPolicy(
  factories: readonly RequestPolicyFactory[],
  name = requestPolicyFactoryPolicyName,
): PipelinePolicy {
  return {
    name,
    async sendRequest(request: PipelineRequest, next: SendRequest): Promise<PipelineResponse> {
      const tail: RequestPolicy = {
        async sendRequest(resource: WebResource): Promise<HttpOperationResponse> {
          const response = await next(toPipelineRequest(resource, request));
          return toHttpOperationResponse(response, resource);
        },
      };
      let chain = tail;
      for (let i = factories.length - 1; i >= 0; i--) {
        const factory = factories[i]!;
        if (typeof factory?.create !== "function") {
          throw new TypeError(
            `Pipeline factory #${i} has no create(nextPolicy, options) method; a RequestPolicyFactory makes a RequestPolicy.`,
          );
        }
        chain = factory.create(chain, requestPolicyOptions);
      }
      const response = await chain.sendRequest(toWebResource(request));
      return toPipelineResponse(response, request);
    },
  };
}
