import {
  type AbortSignalLike,
  bearerTokenAuthenticationPolicy,
  createEmptyPipeline,
  createPipelineRequest,
  type HttpClient,
  type TokenCredential,
} from "@azkit/core-http";

/**
 * Options of `getBearerTokenProvider`.
 * @public
 */
export interface GetBearerTokenProviderOptions {
  /** Cancels the token requests of every call of the provider. */
  abortSignal?: AbortSignalLike;
  /** Tracing context, as `@azure/identity` takes it; azkit does not trace token calls. */
  tracingOptions?: {
    /** The parent span's context. */
    tracingContext?: unknown;
  };
}

/**
 * Returns a function that gives a current bearer token for `scopes`: for libraries that want a token
 * string (the OpenAI SDK's `azureADTokenProvider`, raw `fetch` calls). Tokens are cached and refreshed
 * before they expire by core-http's `bearerTokenAuthenticationPolicy`, the same way every azkit client
 * signs its requests.
 *
 * @example
 * ```ts
 * const getToken = getBearerTokenProvider(new DefaultAzureCredential(), "https://cognitiveservices.azure.com/.default");
 * const response = await fetch(url, { headers: { authorization: `Bearer ${await getToken()}` } });
 * ```
 * @public
 */
export function getBearerTokenProvider(
  credential: TokenCredential,
  scopes: string | string[],
  options: GetBearerTokenProviderOptions = {},
): () => Promise<string> {
  const pipeline = createEmptyPipeline();
  pipeline.addPolicy(bearerTokenAuthenticationPolicy({ credential, scopes }), { phase: "Sign" });
  // The request never leaves the process: this client hands back the headers the policy set.
  const echo: HttpClient = {
    sendRequest: async (request) => ({ request, status: 200, headers: request.headers }),
  };
  return async () => {
    const response = await pipeline.sendRequest(
      echo,
      createPipelineRequest({ url: "https://token.provider.invalid/", abortSignal: options.abortSignal }),
    );
    const token = response.request.headers.get("authorization")?.replace(/^Bearer\s+/i, "");
    if (!token) throw new Error("getBearerTokenProvider: the credential returned no token.");
    return token;
  };
}
