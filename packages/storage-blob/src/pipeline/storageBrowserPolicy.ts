import { BaseRequestPolicy } from "./baseRequestPolicy.js";
import type {
  HttpOperationResponse,
  RequestPolicy,
  RequestPolicyFactory,
  RequestPolicyOptions,
  WebResource,
} from "./requestPolicy.js";

/**
 * The older generation's browser fix-ups (cache-busting GETs, no `Cookie` header). azkit runs on
 * Node.js, where `@azure/storage-blob`'s policy does nothing either: it sends requests on as they are.
 * @public
 */
export class StorageBrowserPolicy extends BaseRequestPolicy {
  /**
   * @param nextPolicy - the next policy of the chain.
   * @param options - the chain's logging options.
   */
  // Public here, protected in the base class (as in the peer).
  constructor(nextPolicy: RequestPolicy, options: RequestPolicyOptions) {
    super(nextPolicy, options);
  }

  /** Sends the request on unchanged (Node.js). */
  sendRequest(request: WebResource): Promise<HttpOperationResponse> {
    return this._nextPolicy.sendRequest(request);
  }
}

/**
 * Makes {@link StorageBrowserPolicy}s; in `pipeline.factories` it is accepted and changes nothing.
 * @public
 */
export class StorageBrowserPolicyFactory implements RequestPolicyFactory {
  /** Makes a {@link StorageBrowserPolicy} sending through `nextPolicy`. */
  create(nextPolicy: RequestPolicy, options: RequestPolicyOptions): StorageBrowserPolicy {
    return new StorageBrowserPolicy(nextPolicy, options);
  }
}
