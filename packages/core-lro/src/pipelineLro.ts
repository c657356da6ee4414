import {
  createPipelineRequest,
  type PipelineRequest,
  type PipelineResponse,
  type SendRequest,
} from "@azkit/core-http";
import type { LroResponse, RunningOperation } from "./lroResponse.js";

/**
 * Options of {@link createPipelineLro}.
 * @public
 */
export interface PipelineLroOptions {
  /** Sends a request through the client's pipeline: `ServiceClient.sendRequest` (throws the typed error for statuses >= 400) or a bare pipeline's `sendRequest` (resolves whatever the status); both work. */
  sendRequest: SendRequest;
  /** The operation's initial request (PUT/PATCH/POST/DELETE), built by the client method; sent once. */
  initialRequest: PipelineRequest;
}

/**
 * Adapts a core-http pipeline to the {@link RunningOperation} a poller drives: the initial request
 * as built, then GETs (through the same pipeline, so auth, retries and logging apply) on the URLs
 * the strategy asks for. Use it in a `begin*` method, with {@link createHttpPoller}.
 *
 * @example
 * ```ts
 * beginCreateOrUpdate(resourceGroupName: string, vaultName: string, parameters: VaultCreateOrUpdateParameters, options: BeginCreateOrUpdateOptions = {}) {
 *   const initialRequest = createPipelineRequest({ url, method: "PUT", body: JSON.stringify(parameters), abortSignal: options.abortSignal });
 *   const lro = createPipelineLro({ sendRequest: (request) => this.client.sendRequest(request), initialRequest }); // a ServiceClient
 *   return createHttpPoller<Vault>(lro, { restoreFrom: options.restoreFrom, intervalInMs: options.intervalInMs, processResult: deserializeVault });
 * }
 * ```
 * @public
 */
export function createPipelineLro(options: PipelineLroOptions): RunningOperation {
  const { sendRequest, initialRequest } = options;
  return {
    requestMethod: initialRequest.method,
    requestUrl: initialRequest.url,
    async sendInitialRequest({ abortSignal }) {
      if (abortSignal && !initialRequest.abortSignal) initialRequest.abortSignal = abortSignal;
      return toLroResponse(await sendRequest(initialRequest));
    },
    async sendPollRequest(url, { abortSignal }) {
      const request = createPipelineRequest({
        url,
        method: "GET",
        abortSignal,
        allowInsecureConnection: initialRequest.allowInsecureConnection,
        settings: initialRequest.settings,
        operationName: initialRequest.operationName,
      });
      return toLroResponse(await sendRequest(request));
    },
  };
}

/**
 * The transport-neutral view of a core-http response: JSON bodies parsed, other bodies as text.
 * @public
 */
export function toLroResponse(response: PipelineResponse): LroResponse {
  return {
    statusCode: response.status,
    headers: response.headers,
    body: parseBody(response),
    rawResponse: response,
  };
}

function parseBody(response: PipelineResponse): unknown {
  const text = response.bodyAsText;
  if (!text) return undefined;
  const contentType = response.headers.get("content-type") ?? "";
  const looksJson = /json/i.test(contentType) || /^\s*[{[]/.test(text);
  if (!looksJson) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
