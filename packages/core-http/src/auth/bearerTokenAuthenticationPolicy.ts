import { createClientLogger } from "@azkit/core-logging";
import type { PipelinePolicy } from "../pipeline.js";
import type { PipelineRequest } from "../pipelineRequest.js";
import type { PipelineResponse } from "../pipelineResponse.js";
import { canResendBody } from "../policies/canResendBody.js";
import { type AccessTokenGetter, createAccessTokenRefresher } from "./accessTokenRefresher.js";
import { assertSecureTransport } from "./secureTransport.js";
import type { AccessToken, GetTokenOptions, TokenCredential } from "./tokenCredential.js";
import { claimsFromChallenge } from "./wwwAuthenticate.js";

const logger = createClientLogger("core-http");

/**
 * The name of the policy {@link bearerTokenAuthenticationPolicy} creates.
 * @public
 */
export const bearerTokenAuthenticationPolicyName = "bearerTokenAuthenticationPolicy";

/**
 * What {@link ChallengeCallbacks.authorizeRequest} receives.
 * @public
 */
export interface AuthorizeRequestOptions {
  /** The scopes the policy was created with. */
  scopes: string[];
  /** Gets a token: cached, refreshed ahead of expiry, one fetch in flight for all requests. */
  getAccessToken: (scopes: string[], options?: GetTokenOptions) => Promise<AccessToken | null>;
  /** The request to authorize. */
  request: PipelineRequest;
}

/**
 * What {@link ChallengeCallbacks.authorizeRequestOnChallenge} receives.
 * @public
 */
export interface AuthorizeRequestOnChallengeOptions extends AuthorizeRequestOptions {
  /** The 401 response carrying the challenge. */
  response: PipelineResponse;
}

/**
 * Hooks that replace how a request is authorized and how a 401 challenge is answered (the
 * `@azure/core-rest-pipeline` names), for services with their own challenge protocol.
 * @public
 */
export interface ChallengeCallbacks {
  /** Authorizes a request before it is sent; the default sets `Authorization: Bearer <token>`. */
  authorizeRequest?(options: AuthorizeRequestOptions): Promise<void>;
  /**
   * Answers a 401 that carries `WWW-Authenticate`; resolve `true` to send the request once more.
   * The default answers a Continuous Access Evaluation claims challenge with a token for those claims.
   */
  authorizeRequestOnChallenge?(options: AuthorizeRequestOnChallengeOptions): Promise<boolean>;
}

/**
 * Options of {@link bearerTokenAuthenticationPolicy}.
 * @public
 */
export interface BearerTokenAuthenticationPolicyOptions {
  /** Issues the tokens; without one the policy sends requests unauthenticated. */
  credential?: TokenCredential;
  /** The scopes to request, such as `https://management.azure.com/.default`. */
  scopes: string | string[];
  /** Replaces how requests are authorized and challenges answered. */
  challengeCallbacks?: ChallengeCallbacks;
}

/**
 * Authenticates every request with `Authorization: Bearer <token>` from a {@link TokenCredential}.
 * Add it in the `Sign` phase so each retry attempt is signed with a current token.
 *
 * - Tokens are cached and refreshed in the background two minutes before expiry (or at the token's
 *   `refreshAfterTimestamp`); concurrent requests share one in-flight refresh.
 * - Requests must use https; plain http is allowed only to a loopback host with
 *   `allowInsecureConnection` set (emulators).
 * - A 401 with a claims challenge (`WWW-Authenticate: Bearer error="insufficient_claims", claims="..."`)
 *   is answered once: a token for those claims is fetched and the request is sent again.
 *
 * @example
 * ```ts
 * const pipeline = createEmptyPipeline();
 * pipeline.addPolicy(
 *   bearerTokenAuthenticationPolicy({
 *     credential: new DefaultAzureCredential(),
 *     scopes: "https://management.azure.com/.default",
 *   }),
 *   { phase: "Sign" },
 * );
 * ```
 * @public
 */
export function bearerTokenAuthenticationPolicy(
  options: BearerTokenAuthenticationPolicyOptions,
): PipelinePolicy {
  const { credential, challengeCallbacks } = options;
  const scopes = typeof options.scopes === "string" ? [options.scopes] : [...options.scopes];
  const refresher: AccessTokenGetter | undefined = credential
    ? createAccessTokenRefresher(credential)
    : undefined;
  const getAccessToken = async (tokenScopes: string[], getOptions?: GetTokenOptions) =>
    refresher ? refresher(tokenScopes, getOptions) : null;
  const authorizeRequest = challengeCallbacks?.authorizeRequest ?? defaultAuthorizeRequest;
  const authorizeRequestOnChallenge =
    challengeCallbacks?.authorizeRequestOnChallenge ?? defaultAuthorizeRequestOnChallenge;

  return {
    name: bearerTokenAuthenticationPolicyName,
    async sendRequest(request, next) {
      if (!credential) return next(request);
      assertSecureTransport(request, bearerTokenAuthenticationPolicyName);
      await authorizeRequest({ scopes, getAccessToken, request });

      let response: PipelineResponse;
      try {
        response = await next(request);
      } catch (error) {
        // Error-mapping policies throw with the response attached; a challenge may still be answered.
        const thrownResponse = (error as { response?: PipelineResponse } | null)?.response;
        if (thrownResponse?.status !== 401 || !canResendBody(request)) throw error;
        if (!(await answerChallenge(thrownResponse))) throw error;
        return next(request);
      }
      if (response.status !== 401 || !canResendBody(request)) return response;
      return (await answerChallenge(response)) ? next(request) : response;

      async function answerChallenge(challengeResponse: PipelineResponse): Promise<boolean> {
        if (!challengeResponse.headers.get("www-authenticate")) return false;
        return authorizeRequestOnChallenge({ scopes, getAccessToken, request, response: challengeResponse });
      }
    },
  };
}

async function defaultAuthorizeRequest({
  scopes,
  getAccessToken,
  request,
}: AuthorizeRequestOptions): Promise<void> {
  const token = await getAccessToken(scopes, { abortSignal: request.abortSignal });
  if (token) request.headers.set("authorization", `Bearer ${token.token}`);
}

async function defaultAuthorizeRequestOnChallenge(
  options: AuthorizeRequestOnChallengeOptions,
): Promise<boolean> {
  const { scopes, getAccessToken, request, response } = options;
  const claims = claimsFromChallenge(response.headers.get("www-authenticate"));
  if (claims === undefined) return false;
  logger.info(
    "bearerTokenAuthenticationPolicy: 401 with a claims challenge; fetching a token for the claims",
    {
      requestId: request.requestId,
    },
  );
  const token = await getAccessToken(scopes, { claims, abortSignal: request.abortSignal });
  if (!token) return false;
  request.headers.set("authorization", `Bearer ${token.token}`);
  return true;
}
