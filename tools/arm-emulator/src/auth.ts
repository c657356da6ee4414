import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { ArmError } from "./armError.js";
import { queryParam } from "./httpIo.js";
import type { EntraDirectory } from "./entraDirectory.js";
import { signJwt, type TokenClaims, verifyJwt } from "./jwt.js";

/** Audiences ARM accepts, as listed in its InvalidAuthenticationTokenAudience message. */
export const ARM_AUDIENCES = [
  "https://management.core.windows.net/",
  "https://management.core.windows.net",
  "https://management.azure.com/",
  "https://management.azure.com",
];

/** What the auth part needs to know about the emulator. */
export interface AuthConfig {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  managedIdentityClientId: string;
  subscriptionId: string;
  tokenLifetimeSeconds: number;
  signingKey: Buffer;
  /** Certificates, federated credentials, the user and the codes of user flows. */
  directory: EntraDirectory;
  /** Base URL of the emulator (the authority host). */
  authorityHost: () => string;
}

/** Options of {@link issueToken}, for tests that need unusual tokens. */
export interface IssueTokenOptions {
  /** Audience (default https://management.azure.com). */
  audience?: string;
  /** Tenant in `tid`/`iss` (default: the emulator's tenant). */
  tenantId?: string;
  /** Client id in `appid` (default: the emulator's service principal). */
  clientId?: string;
  /** Lifetime in seconds; negative makes an already-expired token (default: tokenLifetimeSeconds). */
  expiresInSeconds?: number;
}

/** Resource id of the emulated user-assigned managed identity. */
export function managedIdentityResourceId(config: AuthConfig): string {
  return `/subscriptions/${config.subscriptionId}/resourcegroups/emulator/providers/Microsoft.ManagedIdentity/userAssignedIdentities/emulator-identity`;
}

/** Mints a signed access token. */
export function issueToken(
  config: AuthConfig,
  options: IssueTokenOptions = {},
): { token: string; exp: number } {
  const now = Math.floor(Date.now() / 1000);
  const tenant = options.tenantId ?? config.tenantId;
  const appid = options.clientId ?? config.clientId;
  const exp = now + (options.expiresInSeconds ?? config.tokenLifetimeSeconds);
  const claims: TokenClaims = {
    aud: options.audience ?? "https://management.azure.com",
    iss: `https://sts.windows.net/${tenant}/`,
    tid: tenant,
    appid,
    oid: appid,
    sub: appid,
    idtyp: "app",
    iat: now,
    nbf: Math.min(now, exp) - 300,
    exp,
    ver: "1.0",
  };
  if (appid === config.managedIdentityClientId) claims.xms_mirid = managedIdentityResourceId(config);
  return { token: signJwt(claims, config.signingKey), exp };
}

/** Mints a signed access token for the tenant's user, delegated to `clientId` with the granted `scp`. */
export function issueUserToken(
  config: AuthConfig,
  options: { audience: string; clientId: string; scopes: string },
): { token: string; exp: number } {
  const now = Math.floor(Date.now() / 1000);
  const exp = now + config.tokenLifetimeSeconds;
  const { user } = config.directory;
  const claims: TokenClaims = {
    aud: options.audience,
    iss: `https://sts.windows.net/${config.tenantId}/`,
    tid: config.tenantId,
    appid: options.clientId,
    oid: user.objectId,
    sub: user.objectId,
    idtyp: "user",
    upn: user.username,
    name: user.displayName,
    scp: options.scopes,
    iat: now,
    nbf: now - 300,
    exp,
    ver: "1.0",
  };
  return { token: signJwt(claims, config.signingKey), exp };
}

/** An OAuth2/Entra-style error response (not ARM-shaped: it comes from the identity platform). */
export class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly aadsts: number,
    description: string,
  ) {
    super(`AADSTS${aadsts}: ${description}`);
  }

  /** The JSON body Entra ID sends. */
  toBody(): Record<string, unknown> {
    return {
      error: this.error,
      error_description: `${this.message}\r\nTrace ID: ${randomUUID()}\r\nCorrelation ID: ${randomUUID()}\r\nTimestamp: ${new Date().toISOString()}`,
      error_codes: [this.aadsts],
      timestamp: new Date().toISOString(),
      trace_id: randomUUID(),
      correlation_id: randomUUID(),
    };
  }
}

/** Entra's answer for a resource (audience) the tenant has no service principal for. */
export function invalidResource(resource: string): OAuthError {
  return new OAuthError(
    400,
    "invalid_resource",
    500011,
    `The resource principal named ${resource} was not found in the tenant named arm-emulator. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
  );
}

/** Answers the IMDS managed identity endpoint `GET /metadata/identity/oauth2/token`. */
export function handleImdsRequest(
  config: AuthConfig,
  req: IncomingMessage,
  url: URL,
): Record<string, unknown> {
  if (String(req.headers.metadata ?? "").toLowerCase() !== "true") {
    throw new OAuthError(400, "invalid_request", 0, "Required metadata header not specified");
  }
  if (!queryParam(url, "api-version")) {
    throw new OAuthError(400, "invalid_request", 0, "Required query variable 'api-version' is missing");
  }
  const { resource, token, exp } = issueManagedIdentityToken(config, url);
  const expiresIn = exp - Math.floor(Date.now() / 1000);
  return {
    access_token: token,
    client_id: config.managedIdentityClientId,
    expires_in: String(expiresIn),
    expires_on: String(exp),
    ext_expires_in: String(expiresIn),
    not_before: String(exp - expiresIn),
    resource,
    token_type: "Bearer",
  };
}

/** The managed identity's token for the `resource` query parameter, which must name ARM. */
function issueManagedIdentityToken(
  config: AuthConfig,
  url: URL,
): { resource: string; token: string; exp: number } {
  const resource = queryParam(url, "resource");
  if (!resource)
    throw new OAuthError(400, "invalid_request", 0, "Required query variable 'resource' is missing");
  if (!ARM_AUDIENCES.includes(resource)) throw invalidResource(resource);
  assertKnownIdentity(config, url);
  const { token, exp } = issueToken(config, { audience: resource, clientId: config.managedIdentityClientId });
  return { resource, token, exp };
}

/** A user-assigned identity selector (client_id, object_id, msi_res_id, ...) must name ours. */
function assertKnownIdentity(config: AuthConfig, url: URL): void {
  const selectors: Array<[string, string]> = [
    ["client_id", config.managedIdentityClientId],
    ["object_id", config.managedIdentityClientId],
    ["principal_id", config.managedIdentityClientId],
    ["msi_res_id", managedIdentityResourceId(config)],
    ["mi_res_id", managedIdentityResourceId(config)],
  ];
  for (const [name, expected] of selectors) {
    const value = queryParam(url, name);
    if (value !== undefined && value.toLowerCase() !== expected.toLowerCase()) {
      throw new OAuthError(400, "invalid_request", 0, "Identity not found");
    }
  }
}

/**
 * Answers the App Service managed identity endpoint (`IDENTITY_ENDPOINT` + `X-IDENTITY-HEADER`,
 * api-version 2019-08-01): `expires_on` in seconds as a string, no `expires_in`.
 */
export function handleAppServiceIdentityRequest(
  config: AuthConfig,
  req: IncomingMessage,
  url: URL,
  identityHeader: string,
): Record<string, unknown> {
  if (req.headers["x-identity-header"] !== identityHeader) {
    throw new OAuthError(
      401,
      "unauthorized_client",
      0,
      "The X-IDENTITY-HEADER header is missing or invalid.",
    );
  }
  const { resource, token, exp } = issueManagedIdentityToken(config, url);
  return {
    access_token: token,
    expires_on: String(exp),
    resource,
    token_type: "Bearer",
    client_id: config.managedIdentityClientId,
  };
}

/** Who made an ARM request, from the verified token. */
export interface Caller {
  /** The caller's client id, or a signed-in user's sign-in name (`systemData.createdBy`). */
  clientId: string;
  /** `systemData.createdByType`. */
  type: "Application" | "ManagedIdentity" | "User";
}

function unauthorized(config: AuthConfig, code: string, message: string, description: string): ArmError {
  return new ArmError(401, code, message, {
    origin: "gateway",
    headers: {
      "WWW-Authenticate": `Bearer authorization_uri="${config.authorityHost()}/${config.tenantId}", error="invalid_token", error_description="${description}"`,
    },
  });
}

/** Checks the bearer token of an ARM request; throws ARM's 401 errors. */
export function authenticate(config: AuthConfig, req: IncomingMessage): Caller {
  const header = req.headers.authorization;
  if (!header) {
    throw unauthorized(
      config,
      "AuthenticationFailed",
      "Authentication failed. The 'Authorization' header is missing.",
      "The authentication failed because of missing 'Authorization' header.",
    );
  }
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) {
    throw unauthorized(
      config,
      "AuthenticationFailed",
      "Authentication failed. The 'Authorization' header is provided in an invalid format.",
      "The authentication failed because of an invalid 'Authorization' header format.",
    );
  }
  const claims = verifyJwt(match[1]!, config.signingKey);
  if (!claims) {
    throw unauthorized(
      config,
      "InvalidAuthenticationToken",
      "The access token is invalid.",
      "The access token is invalid.",
    );
  }
  const now = Math.floor(Date.now() / 1000);
  if (claims.exp <= now) {
    throw unauthorized(
      config,
      "ExpiredAuthenticationToken",
      `The access token expiry UTC time '${new Date(claims.exp * 1000).toUTCString()}' is earlier than current UTC time '${new Date(now * 1000).toUTCString()}'.`,
      "The access token has expired.",
    );
  }
  if (!ARM_AUDIENCES.includes(claims.aud)) {
    throw unauthorized(
      config,
      "InvalidAuthenticationTokenAudience",
      `The access token has been obtained for wrong audience or resource '${claims.aud}'. It should exactly match with one of the allowed audiences ${ARM_AUDIENCES.map((a) => `'${a}'`).join(",")}.`,
      "The access token has been obtained for wrong audience or resource.",
    );
  }
  if (claims.tid.toLowerCase() !== config.tenantId.toLowerCase()) {
    throw unauthorized(
      config,
      "InvalidAuthenticationTokenTenant",
      `The access token is from the wrong issuer '${claims.iss}'. It must match the tenant 'https://sts.windows.net/${config.tenantId}/' associated with this subscription. Please use the authority (URL) '${config.authorityHost()}/${config.tenantId}' to get the token.`,
      "The access token is from the wrong issuer.",
    );
  }
  if (claims.idtyp === "user") return { clientId: claims.upn ?? claims.oid, type: "User" };
  return {
    clientId: claims.appid,
    type: claims.appid === config.managedIdentityClientId ? "ManagedIdentity" : "Application",
  };
}
