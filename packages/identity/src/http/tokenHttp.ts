import {
  type AbortSignalLike,
  createHttpHeaders,
  createPipelineRequest,
  type HttpClient,
  type PipelineResponse,
} from "@azkit/core-http";
import { createNodeTokenHttpClient } from "./nodeTokenHttpClient.js";

/** One token endpoint call: a GET (managed identity) or a form POST (Microsoft Entra ID). */
export interface TokenHttpRequest {
  method: "GET" | "POST";
  url: string;
  headers?: Record<string, string>;
  /** Sent as `application/x-www-form-urlencoded`. */
  form?: Record<string, string>;
  abortSignal?: AbortSignalLike;
  /** Whole-exchange limit; 0 or absent means the transport's default. */
  timeoutInMs?: number;
  /** Plain http is allowed (managed identity endpoints, loopback test authorities). */
  allowInsecureConnection?: boolean;
}

/** How a credential talks to its token endpoint: core-http's request model over an `HttpClient`. */
export interface TokenHttp {
  send(request: TokenHttpRequest): Promise<PipelineResponse>;
  /** Releases the sockets of the transport this credential created (a caller's `httpClient` is theirs). */
  close(): void;
}

/** Wraps the caller's `httpClient`, or a credential-owned keep-alive transport when there is none. */
export function createTokenHttp(httpClient?: HttpClient): TokenHttp {
  let owned = httpClient ? undefined : createNodeTokenHttpClient();
  const client = (): HttpClient => {
    if (httpClient) return httpClient;
    owned ??= createNodeTokenHttpClient();
    return owned;
  };
  return {
    send(request) {
      const headers = createHttpHeaders({ accept: "application/json", ...request.headers });
      let body: string | undefined;
      if (request.form) {
        headers.set("content-type", "application/x-www-form-urlencoded");
        body = new URLSearchParams(request.form).toString();
      }
      return client().sendRequest(
        createPipelineRequest({
          url: request.url,
          method: request.method,
          headers,
          body,
          abortSignal: request.abortSignal,
          timeout: request.timeoutInMs ?? 0,
          allowInsecureConnection: request.allowInsecureConnection,
        }),
      );
    },
    close() {
      owned?.close();
      owned = undefined;
    },
  };
}
