import { ARM_AUDIENCES, type AuthConfig, invalidResource, OAuthError } from "./auth.js";

/** Scopes of OpenID Connect that name no resource; Entra ID grants them beside the resource's. */
export const OIDC_SCOPES = new Set(["openid", "profile", "offline_access", "email"]);

/** The resource a token is for and the permissions granted on it. */
export interface ResolvedScopes {
  /** The access token's `aud`. */
  audience: string;
  /** The delegated permissions (`scp` of a user token): `user_impersonation` for `/.default`. */
  permissions: string;
  /** The scopes as the token response echoes them. */
  granted: string[];
}

/**
 * Azure Storage's audience: the token endpoint also serves it, so a storage emulator that checks a
 * token's issuer and audience (Azurite's `--oauth basic`) accepts this tenant's tokens. ARM still
 * refuses them (their audience is not ARM's).
 */
export const STORAGE_AUDIENCE = "https://storage.azure.com";

/**
 * The resources of the emulated tenant: Azure Resource Manager (under each name ARM accepts), Azure
 * Storage, and the emulator's own app (`api://{clientId}`, the middle tier of on-behalf-of). Any
 * other is Entra's `invalid_resource` (AADSTS500011).
 */
function knownAudience(config: AuthConfig, resource: string): string | undefined {
  const trimmed = resource.replace(/\/+$/, "");
  if (ARM_AUDIENCES.some((a) => a.replace(/\/+$/, "") === trimmed)) return trimmed;
  if (trimmed === STORAGE_AUDIENCE) return trimmed;
  const app = config.clientId.toLowerCase();
  if (trimmed.toLowerCase() === `api://${app}` || trimmed.toLowerCase() === app) return trimmed;
  return undefined;
}

/**
 * Resolves the `scope` of a v2 token or authorize request. App-only grants must ask for `{resource}/.default`
 * (AADSTS1002012 otherwise); all scopes must be on one resource (AADSTS28000); an unknown resource is
 * `invalid_resource` (AADSTS500011).
 */
export function resolveScopes(config: AuthConfig, scope: string | null, appOnly: boolean): ResolvedScopes {
  const scopes = (scope ?? "").split(" ").filter(Boolean);
  const resourceScopes = scopes.filter((s) => !OIDC_SCOPES.has(s.toLowerCase()));
  if (resourceScopes.length === 0) {
    throw new OAuthError(
      400,
      "invalid_request",
      900144,
      "The request body must contain the following parameter: 'scope'.",
    );
  }
  if (appOnly && !resourceScopes.every((s) => s.endsWith("/.default"))) {
    throw new OAuthError(
      400,
      "invalid_scope",
      1002012,
      `The provided value for scope ${scopes.join(" ")} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
    );
  }
  const split = resourceScopes.map((s) => {
    const cut = s.endsWith("/.default") ? s.length - "/.default".length : s.lastIndexOf("/");
    // A bare permission ("User.Read") is Microsoft Graph's, which this tenant does not have.
    return cut <= 0
      ? { resource: "https://graph.microsoft.com", permission: s }
      : {
          resource: s.slice(0, cut),
          permission: s.endsWith("/.default") ? "user_impersonation" : s.slice(cut + 1),
        };
  });
  const resources = new Set(split.map((p) => p.resource.replace(/\/+$/, "").toLowerCase()));
  if (resources.size > 1) {
    throw new OAuthError(
      400,
      "invalid_scope",
      28000,
      `Provide value for the input parameter scope with a single resource: the scopes ${resourceScopes.join(" ")} name several.`,
    );
  }
  const audience = knownAudience(config, split[0]!.resource);
  if (!audience) throw invalidResource(split[0]!.resource);
  return {
    audience,
    permissions: [...new Set(split.map((p) => p.permission))].join(" "),
    granted: scopes,
  };
}

/** Resolves the `resource` of a v1 token request: the audience is the resource exactly as sent. */
export function resolveV1Resource(config: AuthConfig, resource: string | null): ResolvedScopes {
  if (!resource) {
    throw new OAuthError(
      400,
      "invalid_request",
      900144,
      "The request body must contain the following parameter: 'resource'.",
    );
  }
  if (!knownAudience(config, resource)) throw invalidResource(resource);
  return { audience: resource, permissions: "user_impersonation", granted: [] };
}
