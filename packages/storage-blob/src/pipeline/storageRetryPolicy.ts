// The older generation's storage retry classes, kept so code that names them ports. They hold
// no retry loop of their own: a factory in `pipeline.factories` becomes the client's
// `retryOptions` (mapped onto core-http's retry policy), and a StorageRetryPolicy used by hand in
// a chain runs core-http's `retryPolicy` around its next policy.
import { DEFAULT_REQUEST_SETTINGS, resolveRequestSettings, retryPolicy } from "@azkit/core-http";
import { type StorageRetryOptions, toCoreRetrySettings } from "../storageRetryOptions.js";
import { BaseRequestPolicy } from "./baseRequestPolicy.js";
import {
  toHttpOperationResponse,
  toPipelineRequest,
  toPipelineResponse,
  toWebResource,
} from "./compatViews.js";
import type {
  HttpOperationResponse,
  RequestPolicy,
  RequestPolicyFactory,
  RequestPolicyOptions,
  WebResource,
} from "./requestPolicy.js";

/**
 * Retries a request as `retryOptions` say, with core-http's one retry loop (idempotency rules,
 * `Retry-After`, backoff). Made by {@link StorageRetryPolicyFactory}.
 * @public
 */
export class StorageRetryPolicy extends BaseRequestPolicy {
  readonly #retryOptions: StorageRetryOptions | undefined;

  /**
   * @param nextPolicy - the policy each attempt goes through.
   * @param options - the chain's logging options.
   * @param retryOptions - attempts, waits and the per-try timeout.
   */
  constructor(nextPolicy: RequestPolicy, options: RequestPolicyOptions, retryOptions?: StorageRetryOptions) {
    super(nextPolicy, options);
    toCoreRetrySettings(retryOptions); // refuse bad options when the policy is made, not on first use
    this.#retryOptions = retryOptions;
  }

  /** Sends `request` through the next policy, again after each retriable failure. */
  async sendRequest(request: WebResource): Promise<HttpOperationResponse> {
    const { settings, tryTimeoutInMs } = toCoreRetrySettings(this.#retryOptions);
    const pipelineRequest = toPipelineRequest(request);
    pipelineRequest.settings = resolveRequestSettings(
      [settings],
      pipelineRequest.settings ?? DEFAULT_REQUEST_SETTINGS,
    );
    const response = await retryPolicy().sendRequest(pipelineRequest, async (attempt) => {
      if (tryTimeoutInMs !== undefined) attempt.timeout = tryTimeoutInMs;
      const resource = toWebResource(attempt);
      return toPipelineResponse(await this._nextPolicy.sendRequest(resource), attempt);
    });
    return toHttpOperationResponse(response, request);
  }
}

/**
 * Makes {@link StorageRetryPolicy}s. In `pipeline.factories` it sets the client's retries: azkit
 * reads its `retryOptions` into the pipeline's own retry policy instead of adding a second loop.
 *
 * @example
 * ```ts
 * const pipeline = new Pipeline([new StorageRetryPolicyFactory({ maxTries: 3 }), credential]);
 * const client = new BlobServiceClient(url, pipeline);
 * ```
 * @public
 */
export class StorageRetryPolicyFactory implements RequestPolicyFactory {
  /** The options the policies get (read by azkit when the factory sits in a pipeline). */
  readonly retryOptions: StorageRetryOptions | undefined;

  /** @param retryOptions - attempts, waits and the per-try timeout. */
  constructor(retryOptions?: StorageRetryOptions) {
    toCoreRetrySettings(retryOptions);
    this.retryOptions = retryOptions;
  }

  /** Makes a {@link StorageRetryPolicy} sending through `nextPolicy`. */
  create(nextPolicy: RequestPolicy, options: RequestPolicyOptions): StorageRetryPolicy {
    return new StorageRetryPolicy(nextPolicy, options, this.retryOptions);
  }
}
