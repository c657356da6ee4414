import type { AbortSignalLike } from "../abortSignalLike.js";
import type { PipelinePolicy } from "../pipeline.js";
import type { TransferProgressEvent } from "../pipelineRequest.js";
import type { HttpClient, PipelineResponse } from "../pipelineResponse.js";
import type { ProxyOptions, RetryMode } from "./requestSettings.js";

/**
 * Retry options in the shape `@azure/core-rest-pipeline` accepts, for code that ports; the azkit
 * names (`retryTotal`, ...) win when both are given.
 * @public
 */
export interface RetryOptions {
  /** Same as `retryTotal`. */
  maxRetries?: number;
  /** Same as `retryBackoffFactorInMs`. */
  retryDelayInMs?: number;
  /** Same as `retryBackoffMaxInMs`. */
  maxRetryDelayInMs?: number;
}

/**
 * What the `User-Agent` header carries besides azkit's own part.
 * @public
 */
export interface UserAgentOptions {
  /** Put in front of azkit's part, such as `"my-app/1.2"`. */
  userAgentPrefix?: string;
}

/**
 * A policy to add to every client pipeline: per call (once) or per retry (every attempt).
 * @public
 */
export interface AdditionalPolicyConfig {
  /** The policy. */
  policy: PipelinePolicy;
  /** `perCall` runs once before retries; `perRetry` runs on every attempt. */
  position: "perCall" | "perRetry";
}

/**
 * Options that may be set per client and overridden per call.
 * @public
 */
export interface OverridableOptions {
  /** Log request/response lines and (redacted) bodies at verbose level for this client or call. Default false. */
  loggingEnable?: boolean;
  /** Proxy URL (for both schemes) or `{ http, https }`; `user:password@` for proxy auth. */
  proxies?: ProxyOptions;
  /** Read `HTTP_PROXY`/`HTTPS_PROXY`/`NO_PROXY` (either case) when sending. Default true. */
  useEnvSettings?: boolean;
  /** Milliseconds to wait for a connection. Default 300000. */
  connectionTimeoutInMs?: number;
  /** Milliseconds the connection may stay silent while a response is awaited or read. Default 300000. */
  readTimeoutInMs?: number;
  /** Most retries; 0 disables retries. Default 10. */
  retryTotal?: number;
  /** `"exponential"` (default; with jitter) or `"fixed"`. */
  retryMode?: RetryMode;
  /** Base wait between attempts in milliseconds. Default 800. */
  retryBackoffFactorInMs?: number;
  /** Longest wait between attempts in milliseconds, server-requested waits included. Default 60000. */
  retryBackoffMaxInMs?: number;
  /** `@azure/core-rest-pipeline`-style retry options. */
  retryOptions?: RetryOptions;
}

/**
 * Options every azkit client accepts.
 * @public
 */
export interface CommonClientOptions extends OverridableOptions {
  /** Replaces the default `node:http` transport. */
  httpClient?: HttpClient;
  /** Policies to add to the pipeline. */
  additionalPolicies?: AdditionalPolicyConfig[];
  /** Adds your application to the `User-Agent` header. */
  userAgentOptions?: UserAgentOptions;
  /** Allow plain `http:` (loopback emulators such as Azurite). Default false. */
  allowInsecureConnection?: boolean;
  /**
   * Most sockets open at once to one origin (scheme, host, port); further requests wait for a free
   * socket. Unlimited by default. Clients given the same cap share one connection pool.
   */
  maxSocketsPerOrigin?: number;
}

/**
 * Per-call request options (the `@azure/core-client` shape).
 * @public
 */
export interface OperationRequestOptions {
  /** Milliseconds the whole exchange may take; 0 (default) means no limit. */
  timeout?: number;
  /** Headers to add to the request. */
  customHeaders?: Record<string, string>;
  /** Called as the body is sent. */
  onUploadProgress?: (progress: TransferProgressEvent) => void;
  /** Called as the response body arrives. */
  onDownloadProgress?: (progress: TransferProgressEvent) => void;
  /** Allow plain `http:` for this call. */
  allowInsecureConnection?: boolean;
}

/**
 * Options every operation accepts.
 * @public
 */
export interface OperationOptions extends OverridableOptions {
  /** Cancels the call, including retry waits. */
  abortSignal?: AbortSignalLike;
  /** Per-call request settings. */
  requestOptions?: OperationRequestOptions;
  /** Tracing context handed to tracing policies. */
  tracingOptions?: { tracingContext?: unknown };
  /** Receives the raw response of the call (after the last attempt). */
  onResponse?: (response: PipelineResponse) => void;
}
