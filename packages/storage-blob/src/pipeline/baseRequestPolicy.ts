import type {
  HttpOperationResponse,
  HttpPipelineLogLevel,
  RequestPolicy,
  RequestPolicyOptions,
  WebResource,
} from "./requestPolicy.js";

/**
 * The base class of an older-generation request policy: keeps the next policy and the chain's
 * options. Subclass it to add your own step to a `Pipeline` (put a factory making it into
 * `pipeline.factories`); azkit runs the chain inside its core-http pipeline, before retries.
 *
 * @example
 * ```ts
 * class RequestIDPolicy extends BaseRequestPolicy {
 *   constructor(nextPolicy: RequestPolicy, options: RequestPolicyOptions, private prefix: string) {
 *     super(nextPolicy, options);
 *   }
 *   async sendRequest(request: WebResource): Promise<HttpOperationResponse> {
 *     request.headers.set("x-ms-client-request-id", `${this.prefix}_${Date.now()}`);
 *     return this._nextPolicy.sendRequest(request);
 *   }
 * }
 * const pipeline = newPipeline(new AnonymousCredential());
 * pipeline.factories.unshift({ create: (next, options) => new RequestIDPolicy(next, options, "app") });
 * const service = new BlobServiceClient(url, pipeline);
 * ```
 * @public
 */
export abstract class BaseRequestPolicy implements RequestPolicy {
  /** The policy this one sends through. */
  readonly _nextPolicy: RequestPolicy;
  /** Logging of the chain. */
  readonly _options: RequestPolicyOptions;

  /**
   * Keeps `_nextPolicy` and `_options` for the subclass.
   * @param _nextPolicy - the next policy of the chain.
   * @param _options - the chain's logging options.
   */
  protected constructor(_nextPolicy: RequestPolicy, _options: RequestPolicyOptions) {
    this._nextPolicy = _nextPolicy;
    this._options = _options;
  }

  /** Handles the request: change it, send it through `this._nextPolicy`, look at the response. */
  abstract sendRequest(webResource: WebResource): Promise<HttpOperationResponse>;

  /** Whether a message at `logLevel` (1 error, 2 warning, 3 info) would be written. */
  shouldLog(logLevel: HttpPipelineLogLevel): boolean {
    return this._options.shouldLog(logLevel);
  }

  /** Writes `message` at `logLevel` to the package logger (`azkit:storage-blob`). */
  log(logLevel: HttpPipelineLogLevel, message: string): void {
    this._options.log(logLevel, message);
  }
}
