import type { AbortSignalLike, AccessToken } from "@azkit/core-http";
import { AuthenticationError, type OAuthErrorResponse } from "../errors/authenticationError.js";
import type { EntraAuthority } from "./entraAuthority.js";
import { redactSecrets } from "./redactSecrets.js";
import type { TokenHttp } from "./tokenHttp.js";

/** One OAuth 2.0 request to `{authority}/{tenant}/oauth2/v2.0/token` (or `/devicecode`). */
export interface EntraTokenRequest {
  credentialName: string;
  http: TokenHttp;
  authority: EntraAuthority;
  tenantId: string;
  /** The grant; `client_credentials` by default. Not sent to the device code endpoint. */
  grantType?: string;
  /** `token` (default) or `devicecode`, the endpoint under `/oauth2/v2.0/`. */
  endpoint?: "token" | "devicecode";
  /** The form fields besides `scope` and `grant_type` (client id, secret or assertion, claims). */
  form: Record<string, string>;
  scopes: string[];
  /** Values that must never appear in an error message. */
  secrets: readonly (string | undefined)[];
  abortSignal?: AbortSignalLike;
}

/** The token endpoint of a tenant at an authority. */
export function entraTokenUrl(authority: EntraAuthority, tenantId: string): string {
  return `${authority.host}/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`;
}

/** A token response with what user flows keep besides the access token. */
export interface EntraTokenResponse {
  accessToken: AccessToken;
  refreshToken: string | undefined;
  idToken: string | undefined;
  clientInfo: string | undefined;
}

/**
 * Posts the form and turns the answer into the access token (and the refresh token, ID token and client
 * info a user flow keeps), or an AuthenticationError.
 */
export async function requestEntraTokenResponse(request: EntraTokenRequest): Promise<EntraTokenResponse> {
  const body = await postEntraForm(request);
  if (typeof body.access_token !== "string") {
    throw new AuthenticationError(
      `${request.credentialName}: the token endpoint answered without an access_token.`,
    );
  }
  const text = (v: unknown) => (typeof v === "string" ? v : undefined);
  return {
    accessToken: toAccessToken(body),
    refreshToken: text(body.refresh_token),
    idToken: text(body.id_token),
    clientInfo: text(body.client_info),
  };
}

/**
 * Posts an OAuth 2.0 form to Microsoft Entra ID and returns the JSON answer of a 200; any other answer
 * becomes an `AuthenticationError` carrying the OAuth error (`errorResponse.error`, such as
 * `authorization_pending`), with every secret of the request redacted from its message.
 */
export async function postEntraForm(request: EntraTokenRequest): Promise<JsonObject> {
  const { credentialName, authority, tenantId, secrets } = request;
  const endpoint = request.endpoint ?? "token";
  const url =
    endpoint === "token"
      ? entraTokenUrl(authority, tenantId)
      : `${authority.host}/${encodeURIComponent(tenantId)}/oauth2/v2.0/${endpoint}`;
  let response: Awaited<ReturnType<TokenHttp["send"]>>;
  try {
    response = await request.http.send({
      method: "POST",
      url,
      form: {
        ...request.form,
        scope: request.scopes.join(" "),
        ...(endpoint === "token" ? { grant_type: request.grantType ?? "client_credentials" } : {}),
      },
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
  if (response.status === 200 && body) return body;
  const errorResponse = toOAuthError(body);
  const reason = errorResponse
    ? `${errorResponse.error}: ${errorResponse.errorDescription}`
    : `the token endpoint answered ${response.status} without an OAuth error body`;
  throw new AuthenticationError(
    redactSecrets(`${credentialName}: authentication failed (${response.status}) ${reason}`, secrets),
    { statusCode: response.status, errorResponse: errorResponse && redactError(errorResponse, secrets) },
  );
}

/** A parsed JSON object. */
export type JsonObject = Record<string, unknown>;

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
