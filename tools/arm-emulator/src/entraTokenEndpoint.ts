import { createHash, timingSafeEqual } from "node:crypto";
import { type AuthConfig, issueToken, issueUserToken, OAuthError } from "./auth.js";
import { verifyClientAssertion } from "./clientAssertion.js";
import { OIDC_SCOPES, type ResolvedScopes, resolveScopes, resolveV1Resource } from "./entraScopes.js";
import { signJwt, verifyJwt } from "./jwt.js";

/** One request to `/{tenant}/oauth2/v2.0/token` (or the v1 `/{tenant}/oauth2/token`). */
export interface TokenEndpointRequest {
  tenant: string;
  form: URLSearchParams;
  v1: boolean;
  /** The `Authorization` header (client_secret_basic). */
  authorization: string | undefined;
}

const JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
const DEVICE_CODE_GRANTS = new Set(["urn:ietf:params:oauth:grant-type:device_code", "device_code"]);
const OBO_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";

/**
 * Answers the token endpoint for every grant the Azure SDK credentials use: `client_credentials` (secret,
 * certificate assertion or federated assertion), `password`, device code, `authorization_code` (with PKCE),
 * `refresh_token` and on-behalf-of (`jwt-bearer`). Errors are Entra ID's (`OAuthError`).
 */
export function handleTokenRequest(
  config: AuthConfig,
  request: TokenEndpointRequest,
): Record<string, unknown> {
  const { form, tenant } = request;
  applyBasicAuthentication(form, request.authorization);
  const tenantLower = tenant.toLowerCase();
  const userFlowTenant = tenantLower === "organizations" || tenantLower === "common";
  if (tenantLower !== config.tenantId.toLowerCase() && !userFlowTenant) {
    throw new OAuthError(
      400,
      "invalid_request",
      90002,
      `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
    );
  }
  const grantType = form.get("grant_type") ?? "";
  const endpoints = tokenEndpointUrls(config, tenant);
  const scopes = (appOnly: boolean): ResolvedScopes =>
    request.v1
      ? resolveV1Resource(config, form.get("resource"))
      : resolveScopes(config, form.get("scope"), appOnly);

  switch (grantType) {
    case "client_credentials": {
      if (userFlowTenant) throw tenantRequired();
      const clientId = authenticateClient(config, form, endpoints, "confidential");
      const resolved = scopes(true);
      return appTokenResponse(config, clientId, resolved.audience, request.v1);
    }
    case "password": {
      const clientId = authenticateClient(config, form, endpoints, "public");
      checkUserPassword(config, form.get("username"), form.get("password"));
      return userTokenResponse(config, clientId, scopes(false), form.get("scope"));
    }
    case "authorization_code": {
      const clientId = authenticateClient(config, form, endpoints, "public");
      const code = redeemAuthorizationCode(config, form, clientId);
      const resolved = form.get("scope")
        ? scopes(false)
        : resolveScopes(config, code.scopes.join(" "), false);
      return userTokenResponse(config, clientId, resolved, form.get("scope") ?? code.scopes.join(" "));
    }
    case "refresh_token": {
      const clientId = authenticateClient(config, form, endpoints, "public");
      const stored = config.directory.refreshTokens.get(form.get("refresh_token") ?? "");
      if (!stored || stored.clientId.toLowerCase() !== clientId.toLowerCase()) {
        throw new OAuthError(
          400,
          "invalid_grant",
          9002313,
          "Invalid request. Request is malformed or invalid: the refresh token is unknown or was issued to another client.",
        );
      }
      return userTokenResponse(config, clientId, scopes(false), form.get("scope"));
    }
    case OBO_GRANT: {
      if (userFlowTenant) throw tenantRequired();
      const clientId = authenticateClient(config, form, endpoints, "confidential");
      checkOnBehalfOfAssertion(config, form, clientId);
      return userTokenResponse(config, clientId, scopes(false), form.get("scope"));
    }
    default: {
      if (DEVICE_CODE_GRANTS.has(grantType)) {
        const clientId = authenticateClient(config, form, endpoints, "public");
        const pending = redeemDeviceCode(config, form.get("device_code") ?? form.get("code") ?? "", clientId);
        return userTokenResponse(
          config,
          clientId,
          resolveScopes(config, pending.join(" "), false),
          pending.join(" "),
        );
      }
      throw new OAuthError(
        400,
        "unsupported_grant_type",
        70003,
        `The app requested an unsupported grant type '${grantType}'.`,
      );
    }
  }
}

/** The URLs a certificate assertion's `aud` may name: this tenant's v2 and v1 token endpoints. */
export function tokenEndpointUrls(config: AuthConfig, tenant: string): string[] {
  const base = config.authorityHost();
  return [...new Set([tenant, config.tenantId])].flatMap((t) => [
    `${base}/${t}/oauth2/v2.0/token`,
    `${base}/${t}/oauth2/token`,
  ]);
}

function tenantRequired(): OAuthError {
  return new OAuthError(
    400,
    "invalid_request",
    50059,
    "No tenant-identifying information found in either the request or implied by any provided credentials. Application and on-behalf-of tokens must be requested from a tenant-specific endpoint, not /common or /organizations.",
  );
}

/** client_secret_basic: the client id and secret come in an HTTP Basic header instead of the form. */
function applyBasicAuthentication(form: URLSearchParams, authorization: string | undefined): void {
  const basic = /^Basic\s+(\S+)$/i.exec(authorization ?? "");
  if (!basic) return;
  const [id, secret] = Buffer.from(basic[1]!, "base64").toString("utf8").split(":");
  if (id && !form.has("client_id")) form.set("client_id", decodeURIComponent(id));
  if (secret !== undefined && !form.has("client_secret"))
    form.set("client_secret", decodeURIComponent(secret));
}

/**
 * Authenticates the client: a secret, or a client assertion (certificate or federated). `confidential`
 * grants require one; `public` grants accept none from a client that allows public client flows.
 * Returns the client id.
 */
export function authenticateClient(
  config: AuthConfig,
  form: URLSearchParams,
  tokenEndpoints: readonly string[],
  kind: "confidential" | "public",
): string {
  const clientId = form.get("client_id");
  const isApp = clientId?.toLowerCase() === config.clientId.toLowerCase();
  if (!clientId || (!isApp && !config.directory.isPublicClient(clientId))) {
    throw new OAuthError(
      400,
      "unauthorized_client",
      700016,
      `Application with identifier '${clientId ?? ""}' was not found in the directory '${config.tenantId}'.`,
    );
  }
  const assertion = form.get("client_assertion");
  if (assertion !== null) {
    if (form.get("client_assertion_type") !== JWT_BEARER) {
      throw new OAuthError(400, "invalid_request", 50027, `client_assertion_type must be '${JWT_BEARER}'.`);
    }
    verifyClientAssertion(config, clientId, assertion, tokenEndpoints);
    return clientId;
  }
  const secret = form.get("client_secret");
  if (secret !== null) {
    if (!isApp || !sameSecret(secret, config.clientSecret)) {
      throw new OAuthError(
        401,
        "invalid_client",
        7000215,
        "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app.",
      );
    }
    return clientId;
  }
  if (kind === "confidential") {
    throw new OAuthError(
      401,
      "invalid_client",
      7000216,
      `'client_assertion', 'client_secret' or 'request' is required for the '${form.get("grant_type") === OBO_GRANT ? "on_behalf_of" : "client_credentials"}' grant type.`,
    );
  }
  return clientId;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function checkUserPassword(config: AuthConfig, username: string | null, password: string | null): void {
  const { user } = config.directory;
  if (!username || username.toLowerCase() !== user.username.toLowerCase()) {
    throw new OAuthError(
      400,
      "invalid_grant",
      50034,
      "The user account {EUII Hidden} does not exist in the emulator directory. To sign into this application, the account must be added to the directory.",
    );
  }
  if (password === null || !sameSecret(password, user.password)) {
    throw new OAuthError(
      400,
      "invalid_grant",
      50126,
      "Error validating credentials due to invalid username or password.",
    );
  }
}

/** Checks the authorization code, its redirect URI and PKCE verifier; the code is used up. */
function redeemAuthorizationCode(config: AuthConfig, form: URLSearchParams, clientId: string) {
  const code = config.directory.authorizationCodes.get(form.get("code") ?? "");
  if (!code || code.clientId.toLowerCase() !== clientId.toLowerCase()) {
    throw new OAuthError(
      400,
      "invalid_grant",
      70000,
      "Provided grant is invalid or malformed: the authorization code is unknown or was issued to another client.",
    );
  }
  if (code.redeemed) {
    throw new OAuthError(
      400,
      "invalid_grant",
      54005,
      "OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.",
    );
  }
  if (Date.now() > code.expiresAt) {
    throw new OAuthError(
      400,
      "invalid_grant",
      70008,
      "The provided authorization code or refresh token has expired due to inactivity.",
    );
  }
  if (form.get("redirect_uri") !== code.redirectUri) {
    throw new OAuthError(
      400,
      "invalid_grant",
      500112,
      `The reply address '${form.get("redirect_uri") ?? ""}' does not match the reply address '${code.redirectUri}' provided when requesting the authorization code.`,
    );
  }
  if (code.codeChallenge !== undefined) {
    const verifier = form.get("code_verifier") ?? "";
    const computed =
      code.codeChallengeMethod === "S256"
        ? createHash("sha256").update(verifier).digest("base64url")
        : verifier;
    if (computed !== code.codeChallenge) {
      throw new OAuthError(
        400,
        "invalid_grant",
        501481,
        "The Code_Verifier does not match the code_challenge supplied in the authorization request.",
      );
    }
  }
  code.redeemed = true;
  return code;
}

/** The scopes of an approved device code; Entra's pending/expired/declined errors otherwise. */
function redeemDeviceCode(config: AuthConfig, deviceCode: string, clientId: string): string[] {
  const { directory } = config;
  const pending = directory.deviceCodes.get(deviceCode);
  if (!pending || pending.clientId.toLowerCase() !== clientId.toLowerCase()) {
    throw new OAuthError(
      400,
      "invalid_grant",
      70000,
      "Provided grant is invalid or malformed: the device code is unknown.",
    );
  }
  if (Date.now() > pending.expiresAt) {
    directory.deviceCodes.delete(deviceCode);
    throw new OAuthError(
      400,
      "expired_token",
      70020,
      "The provided value for the input parameter 'device_code' is not valid. This device code has expired.",
    );
  }
  if (pending.declined) {
    directory.deviceCodes.delete(deviceCode);
    throw new OAuthError(400, "authorization_declined", 70000, "The user declined the sign-in request.");
  }
  if (!pending.approved && !directory.autoApproveDeviceCodes) {
    throw new OAuthError(
      400,
      "authorization_pending",
      70016,
      "OAuth 2.0 device flow error. Authorization is pending. Continue polling.",
    );
  }
  directory.deviceCodes.delete(deviceCode);
  return pending.scopes;
}

/** On-behalf-of: the user's token must be this emulator's, unexpired, and addressed to the calling app. */
function checkOnBehalfOfAssertion(config: AuthConfig, form: URLSearchParams, clientId: string): void {
  if (form.get("requested_token_use") !== "on_behalf_of") {
    throw new OAuthError(
      400,
      "invalid_request",
      90014,
      "The request body must contain the following parameter: 'requested_token_use' with the value 'on_behalf_of'.",
    );
  }
  const claims = verifyJwt(form.get("assertion") ?? "", config.signingKey);
  if (!claims) throw new OAuthError(400, "invalid_grant", 50013, "Assertion failed signature validation.");
  if (claims.exp <= Math.floor(Date.now() / 1000)) {
    throw new OAuthError(
      400,
      "invalid_grant",
      500133,
      "Assertion is not within its valid time range. Ensure that the access token is not expired before using it for user assertion, or request a new token.",
    );
  }
  const app = clientId.toLowerCase();
  if (claims.aud.toLowerCase() !== `api://${app}` && claims.aud.toLowerCase() !== app) {
    throw new OAuthError(
      400,
      "invalid_grant",
      50013,
      `Assertion audience does not match the Client app presenting the assertion. The audience in the assertion was '${claims.aud}' and the expected audience is 'api://${clientId}'.`,
    );
  }
  if (claims.idtyp !== "user") {
    throw new OAuthError(
      400,
      "invalid_grant",
      50013,
      "The assertion is an app-only token; on-behalf-of needs a user's token.",
    );
  }
}

function appTokenResponse(
  config: AuthConfig,
  clientId: string,
  audience: string,
  v1: boolean,
): Record<string, unknown> {
  const { token, exp } = issueToken(config, { audience, clientId });
  const expiresIn = exp - Math.floor(Date.now() / 1000);
  return v1
    ? {
        token_type: "Bearer",
        expires_in: String(expiresIn),
        ext_expires_in: String(expiresIn),
        expires_on: String(exp),
        not_before: String(exp - expiresIn),
        resource: audience,
        access_token: token,
      }
    : { token_type: "Bearer", expires_in: expiresIn, ext_expires_in: expiresIn, access_token: token };
}

/**
 * A user token response as Entra ID sends it: the access token, the granted scopes, a refresh token when
 * `offline_access` was asked for, an ID token when `openid` was, and `client_info` (the account's ids).
 */
function userTokenResponse(
  config: AuthConfig,
  clientId: string,
  resolved: ResolvedScopes,
  requestedScope: string | null,
): Record<string, unknown> {
  const requested = (requestedScope ?? "")
    .split(" ")
    .filter(Boolean)
    .map((s) => s.toLowerCase());
  const { token, exp } = issueUserToken(config, {
    audience: resolved.audience,
    clientId,
    scopes: resolved.permissions,
  });
  const now = Math.floor(Date.now() / 1000);
  const { user } = config.directory;
  const grantedScopes = resolved.granted.filter((s) => !OIDC_SCOPES.has(s.toLowerCase()));
  const answer: Record<string, unknown> = {
    token_type: "Bearer",
    scope: [...grantedScopes, ...requested.filter((s) => OIDC_SCOPES.has(s))].join(" "),
    expires_in: exp - now,
    ext_expires_in: exp - now,
    access_token: token,
    client_info: Buffer.from(JSON.stringify({ uid: user.objectId, utid: config.tenantId })).toString(
      "base64url",
    ),
  };
  if (requested.includes("offline_access")) {
    answer.refresh_token = config.directory.issueRefreshToken(clientId, grantedScopes);
  }
  if (requested.includes("openid")) {
    answer.id_token = signJwt(
      {
        aud: clientId,
        iss: `${config.authorityHost()}/${config.tenantId}/v2.0`,
        iat: now,
        nbf: now,
        exp,
        name: user.displayName,
        oid: user.objectId,
        preferred_username: user.username,
        sub: user.objectId,
        tid: config.tenantId,
        ver: "2.0",
      },
      config.signingKey,
    );
  }
  return answer;
}
