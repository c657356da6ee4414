import {
  type AbortSignalLike,
  type DefaultHttpClient,
  createDefaultHttpClient,
  createHttpHeaders,
  createPipelineFromOptions,
  createPipelineRequest,
  type HttpClient,
  type Pipeline,
  type PipelineResponse,
  type RetryOptions,
  type CommonClientOptions,
} from "@azkit/core-http";
import { IDENTITY_PACKAGE, IDENTITY_VERSION } from "../identityVersion.js";

/** One token endpoint call: a GET (managed identity) or a form POST (Microsoft Entra ID). */
export interface TokenHttpRequest {
  method: "GET" | "POST";
  url: string;
  headers?: Record<string, string>;
  /** Sent as `application/x-www-form-urlencoded`. */
  form?: Record<string, string>;
  abortSignal?: AbortSignalLike;
  /** Whole-exchange limit; 0 or absent means none. */
  timeoutInMs?: number;
  /** Plain http is allowed (managed identity endpoints, loopback test authorities). */
  allowInsecureConnection?: boolean;
  /** Whether throttling, 5xx and connection failures are retried; true by default. */
  retry?: boolean;
}

/** How a credential talks to its token endpoint. */
export interface TokenHttp {
  send(request: TokenHttpRequest): Promise<PipelineResponse>;
  /** Releases the sockets of the transport this credential created (a caller's `httpClient` is theirs). */
  close(): void;
}

/** Token endpoints are retried as `@azure/identity` does: three times, from 800 ms. */
const DEFAULT_RETRY: RetryOptions = { maxRetries: 3, retryDelayInMs: 800 };

/**
 * Sends token requests through a core-http pipeline (user agent, request id, proxies from the
 * environment, retry with `Retry-After`, redacted logging) over the caller's `httpClient`, or over a
 * core-http default transport this credential owns, so that `close()` releases exactly its sockets.
 */
export function createTokenHttp(options: CommonClientOptions = {}): TokenHttp {
  const { httpClient } = options;
  let owned: DefaultHttpClient | undefined;
  const client = (): HttpClient => {
    if (httpClient) return httpClient;
    owned ??= createDefaultHttpClient();
    return owned;
  };
  const pipelineOptions = {
    ...pipelineOptionsOf(options),
    packageName: IDENTITY_PACKAGE,
    packageVersion: IDENTITY_VERSION,
  };
  let retrying: Pipeline | undefined;
  let single: Pipeline | undefined;
  const pipeline = (retry: boolean): Pipeline => {
    if (retry) {
      retrying ??= createPipelineFromOptions({
        ...pipelineOptions,
        retryOptions: { ...DEFAULT_RETRY, ...options.retryOptions },
      });
      return retrying;
    }
    single ??= createPipelineFromOptions({ ...pipelineOptions, retryTotal: 0 });
    return single;
  };
  return {
    send(request) {
      const headers = createHttpHeaders({ accept: "application/json", ...request.headers });
      let body: string | undefined;
      if (request.form) {
        headers.set("content-type", "application/x-www-form-urlencoded");
        body = new URLSearchParams(request.form).toString();
      }
      return pipeline(request.retry ?? true).sendRequest(
        client(),
        createPipelineRequest({
          url: request.url,
          method: request.method,
          headers,
          body,
          abortSignal: request.abortSignal,
          timeout: request.timeoutInMs ?? 0,
          allowInsecureConnection: request.allowInsecureConnection,
          // A token request changes nothing on the server, so a POST is as safe to repeat as a GET.
          retrySafe: true,
        }),
      );
    },
    close() {
      // The transport stays usable after close(): a later getToken opens new connections.
      owned?.close();
    },
  };
}

/** The client options that shape the token pipeline (not the credential's own, such as tenantId). */
function pipelineOptionsOf(options: CommonClientOptions): CommonClientOptions {
  const {
    additionalPolicies,
    userAgentOptions,
    loggingEnable,
    proxies,
    useEnvSettings,
    connectionTimeoutInMs,
    readTimeoutInMs,
    retryMode,
    retryBackoffFactorInMs,
    retryBackoffMaxInMs,
  } = options;
  return {
    additionalPolicies,
    userAgentOptions,
    loggingEnable,
    proxies,
    useEnvSettings,
    connectionTimeoutInMs,
    readTimeoutInMs,
    retryMode,
    retryBackoffFactorInMs,
    retryBackoffMaxInMs,
  };
}
