import type { AbortSignalLike, AccessToken } from "@azkit/core-http";
import { AuthenticationError, type OAuthErrorResponse } from "../errors/authenticationError.js";
import type { EntraAuthority } from "./entraAuthority.js";
import { redactSecrets } from "./redactSecrets.js";
import type { TokenHttp } from "./tokenHttp.js";

/** One OAuth 2.0 client-credentials request to `{authority}/{tenant}/oauth2/v2.0/token`. */
export interface EntraTokenRequest {
  credentialName: string;
  http: TokenHttp;
  authority: EntraAuthority;
  tenantId: string;
  /** The form fields besides `scope` and `grant_type` (client id, secret or assertion, claims). */
  form: Record<string, string>;
  scopes: string[];
  /** Values that must never appear in an error message. */
  secrets: readonly (string | undefined)[];
  abortSignal?: AbortSignalLike;
}

/** Posts the client-credentials form and turns the answer into an `AccessToken` or an AuthenticationError. */
export async function requestEntraToken(request: EntraTokenRequest): Promise<AccessToken> {
  const { credentialName, authority, tenantId, secrets } = request;
  const url = `${authority.host}/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`;
  let response: Awaited<ReturnType<TokenHttp["send"]>>;
  try {
    response = await request.http.send({
      method: "POST",
      url,
      form: { ...request.form, scope: request.scopes.join(" "), grant_type: "client_credentials" },
      abortSignal: request.abortSignal,
      allowInsecureConnection: authority.allowInsecureConnection,
    });
  } catch (error) {
    if ((error as { name?: string })?.name === "AbortError") throw error;
    const code = (error as { code?: string })?.code ?? "network error";
    throw new AuthenticationError(`${credentialName}: could not reach ${authority.host} (${code}).`, {
      cause: error,
    });
  }
  const body = parseJson(response.bodyAsText);
  if (response.status === 200 && typeof body?.access_token === "string") {
    return toAccessToken(body);
  }
  const errorResponse = toOAuthError(body);
  const reason = errorResponse
    ? `${errorResponse.error}: ${errorResponse.errorDescription}`
    : `the token endpoint answered ${response.status} without an OAuth error body`;
  throw new AuthenticationError(
    redactSecrets(`${credentialName}: authentication failed (${response.status}) ${reason}`, secrets),
    { statusCode: response.status, errorResponse: errorResponse && redactError(errorResponse, secrets) },
  );
}

type JsonObject = Record<string, unknown>;

export function parseJson(text: string | null | undefined): JsonObject | undefined {
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null ? (value as JsonObject) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `expires_in` counts from now. A token living two hours or more is refreshed at half its life, as MSAL
 * does, unless the service sent its own `refresh_in`.
 */
function toAccessToken(body: JsonObject): AccessToken {
  const now = Date.now();
  const expiresInSeconds = Number(body.expires_in ?? 3600);
  const refreshInSeconds =
    body.refresh_in !== undefined
      ? Number(body.refresh_in)
      : expiresInSeconds >= 7200
        ? expiresInSeconds / 2
        : undefined;
  return {
    token: body.access_token as string,
    expiresOnTimestamp: now + expiresInSeconds * 1000,
    ...(refreshInSeconds !== undefined && Number.isFinite(refreshInSeconds)
      ? { refreshAfterTimestamp: now + refreshInSeconds * 1000 }
      : {}),
    tokenType: "Bearer",
  };
}

function toOAuthError(body: JsonObject | undefined): OAuthErrorResponse | undefined {
  if (!body || typeof body.error !== "string") return undefined;
  return {
    error: body.error,
    errorDescription:
      typeof body.error_description === "string" ? body.error_description.split("\r\n")[0]! : "",
    ...(Array.isArray(body.error_codes) ? { errorCodes: body.error_codes as number[] } : {}),
    ...(typeof body.correlation_id === "string" ? { correlationId: body.correlation_id } : {}),
  };
}

function redactError(
  error: OAuthErrorResponse,
  secrets: readonly (string | undefined)[],
): OAuthErrorResponse {
  return { ...error, errorDescription: redactSecrets(error.errorDescription, secrets) };
}
