// The request-policy vocabulary of the older Azure JavaScript generation (`@azure/core-http`, kept
// by `@azure/storage-blob` through `@azure/core-http-compat`): a chain of `RequestPolicy` objects,
// each calling `_nextPolicy.sendRequest(webResource)`. azkit runs such chains inside one
// core-http pipeline policy (see requestPolicyFactoryPolicy.ts); these are the shapes they see.
import type { AbortSignalLike, RequestBodyType, TransferProgressEvent } from "@azkit/core-http";

/**
 * A header collection in the older generation's shape (`@azure/core-http-compat` `HttpHeadersLike`).
 * @public
 */
export interface HttpHeaders {
  /** Sets a header (names are case-insensitive). */
  set(headerName: string, headerValue: string | number): void;
  /** A header's value, or undefined. */
  get(headerName: string): string | undefined;
  /** Whether the header is present. */
  contains(headerName: string): boolean;
  /** Removes the header; returns whether it was present. */
  remove(headerName: string): boolean;
  /** The headers as a name -> value record (lower-case names). */
  rawHeaders(): Record<string, string>;
  /** The headers as `{ name, value }` pairs. */
  headersArray(): Array<{ name: string; value: string }>;
  /** The header names. */
  headerNames(): string[];
  /** The header values. */
  headerValues(): string[];
  /** An independent copy. */
  clone(): HttpHeaders;
  /** The headers as a plain record, for JSON. */
  toJson(options?: { preserveCase?: boolean }): Record<string, string>;
}

/**
 * A request body, as a request policy sees it: core-http's body type.
 * @public
 */
export type HttpRequestBody = RequestBodyType;

/**
 * The request a `RequestPolicy` receives (`@azure/core-http-compat` `WebResourceLike`). Changes a
 * policy makes (headers, URL, method, body, timeout) go on the wire.
 * @public
 */
export interface WebResource {
  /** The URL, query included. */
  url: string;
  /** The HTTP method. */
  method: string;
  /** The body, if any. */
  body?: HttpRequestBody;
  /** The headers. */
  headers: HttpHeaders;
  /** Statuses whose body is handed over as a stream. */
  streamResponseStatusCodes?: Set<number>;
  /** Milliseconds the exchange may take (0: no limit). */
  timeout: number;
  /** The request's `x-ms-client-request-id`. */
  requestId: string;
  /** Aborts the request. */
  abortSignal?: AbortSignalLike;
  /** Browser-only in the older generation; ignored on Node. */
  withCredentials: boolean;
  /** Called as the body is sent. */
  onUploadProgress?: (progress: TransferProgressEvent) => void;
  /** Called as the response body arrives. */
  onDownloadProgress?: (progress: TransferProgressEvent) => void;
  /** A copy a policy may change and send instead (for example on a retry). */
  clone(): WebResource;
}

/**
 * The response a `RequestPolicy` returns (`@azure/core-http-compat` `CompatResponse`).
 * @public
 */
export interface HttpOperationResponse {
  /** The request this answers. */
  request: WebResource;
  /** The HTTP status. */
  status: number;
  /** The response headers. */
  headers: HttpHeaders;
  /** The body as text, when it was read. */
  bodyAsText?: string | null;
  /** The body as a stream, for streamed statuses (downloads). */
  readableStreamBody?: NodeJS.ReadableStream;
  /** Parsed body (not filled by azkit: storage parses after the pipeline). */
  parsedBody?: unknown;
}

/**
 * One link of an older-generation policy chain: sends a request on, usually through
 * `this._nextPolicy`. Subclass {@link BaseRequestPolicy} to write one.
 * @public
 */
export interface RequestPolicy {
  /** Handles the request and returns the response. */
  sendRequest(httpRequest: WebResource): Promise<HttpOperationResponse>;
}

/**
 * The log levels a policy may ask about with `shouldLog` (`HttpPipelineLogLevel`).
 * @public
 */
export type HttpPipelineLogLevel = 0 | 1 | 2 | 3;

/**
 * What every policy of a chain receives besides its next policy: logging (`RequestPolicyOptionsLike`).
 * @public
 */
export interface RequestPolicyOptions {
  /** Whether a message at `logLevel` (1 error, 2 warning, 3 info) would be written. */
  shouldLog(logLevel: HttpPipelineLogLevel): boolean;
  /** Writes a message at `logLevel` to this package's logger. */
  log(logLevel: HttpPipelineLogLevel, message: string): void;
}

/**
 * Makes a policy for a chain: `pipeline.factories` holds these.
 * @example
 * ```ts
 * const factory: RequestPolicyFactory = { create: (next, options) => new MyPolicy(next, options) };
 * ```
 * @public
 */
export interface RequestPolicyFactory {
  /** Creates the policy that sends through `nextPolicy`. */
  create(nextPolicy: RequestPolicy, options: RequestPolicyOptions): RequestPolicy;
}

/**
 * A transport in the older generation's shape, accepted where `@azure/storage-blob` took one.
 * @public
 */
export type IHttpClient = RequestPolicy;
