import { isLoopbackHost } from "@azkit/core-http";

/** Microsoft Entra ID's public-cloud authority, used when neither the options nor the environment name one. */
export const DEFAULT_AUTHORITY_HOST = "https://login.microsoftonline.com";

/** The authority URL and whether plain http is allowed (only for an authority on this machine). */
export interface EntraAuthority {
  host: string;
  allowInsecureConnection: boolean;
}

/**
 * Resolves the authority host: options, then `AZURE_AUTHORITY_HOST`, then the public cloud. Secrets are
 * posted to it, so it must be https, or http on a loopback address (a local emulator).
 */
export function resolveAuthority(credentialName: string, authorityHost: string | undefined): EntraAuthority {
  const raw = authorityHost ?? process.env.AZURE_AUTHORITY_HOST ?? DEFAULT_AUTHORITY_HOST;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TypeError(`${credentialName}: authorityHost is not a valid URL.`);
  }
  const loopback = isLoopbackHost(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) {
    throw new TypeError(
      `${credentialName}: authorityHost must use https (plain http only on a loopback address).`,
    );
  }
  return { host: url.toString().replace(/\/+$/, ""), allowInsecureConnection: url.protocol === "http:" };
}

/** Tenant ids go into the token URL's path, so only the characters real tenant ids and domains use pass. */
export function checkTenantId(credentialName: string, tenantId: string): string {
  if (!/^[0-9A-Za-z][0-9A-Za-z.-]*$/.test(tenantId)) {
    throw new TypeError(
      `${credentialName}: tenantId must be a tenant GUID or domain (letters, digits, "-" and "."); see https://learn.microsoft.com/entra/fundamentals/how-to-find-tenant.`,
    );
  }
  return tenantId;
}

/**
 * The tenant a token is requested from: the credential's own, or the one `getToken` asked for when the
 * credential allows it (`additionallyAllowedTenants`, `"*"` for any).
 */
export function resolveTenant(
  credentialName: string,
  ownTenant: string,
  requested: string | undefined,
  allowedTenants: readonly string[],
): string {
  if (requested === undefined || requested === ownTenant) return ownTenant;
  checkTenantId(credentialName, requested);
  if (allowedTenants.includes("*") || allowedTenants.includes(requested)) return requested;
  throw new TypeError(
    `${credentialName}: getToken asked for tenant "${requested}", which is not in additionallyAllowedTenants; add it there (or "*").`,
  );
}
