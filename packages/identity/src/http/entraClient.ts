import type { AbortSignalLike, AccessToken, GetTokenOptions } from "@azkit/core-http";
import type { ClientAuthentication } from "../credentials/clientAuthentication.js";
import type { EntraCredentialOptions } from "../credentials/tokenCredentialOptions.js";
import { checkTenantId, type EntraAuthority, resolveAuthority, resolveTenant } from "./entraAuthority.js";
import {
  type EntraTokenResponse,
  entraTokenUrl,
  type JsonObject,
  postEntraForm,
  requestEntraTokenResponse,
} from "./entraTokenRequest.js";
import { createTokenHttp, type TokenHttp } from "./tokenHttp.js";

/** One call of a grant: its form fields (besides scope and grant_type) and the secrets among them. */
export interface EntraGrant {
  grantType: string;
  form: Record<string, string>;
  scopes: string[];
  tenantId: string;
  secrets: readonly (string | undefined)[];
  abortSignal?: AbortSignalLike;
}

/**
 * What every Microsoft Entra ID credential shares: its name (for messages), authority, tenant and the
 * tenants it may switch to, and the token transport that `close()` releases.
 */
export class EntraClient {
  readonly credentialName: string;
  readonly authority: EntraAuthority;
  readonly tenantId: string;
  readonly #allowedTenants: readonly string[];
  readonly #http: TokenHttp;

  constructor(credentialName: string, tenantId: string, options: EntraCredentialOptions) {
    this.credentialName = credentialName;
    this.tenantId = checkTenantId(credentialName, tenantId);
    this.authority = resolveAuthority(credentialName, options.authorityHost);
    this.#allowedTenants = options.additionallyAllowedTenants ?? [];
    this.#http = createTokenHttp(options);
  }

  /** The tenant a `getToken` call gets its token from (its own, or an allowed one it asks for). */
  tenantFor(options: GetTokenOptions): string {
    return resolveTenant(this.credentialName, this.tenantId, options.tenantId, this.#allowedTenants);
  }

  /** The token endpoint of `tenantId`, the audience of a client assertion. */
  tokenUrl(tenantId: string): string {
    return entraTokenUrl(this.authority, tenantId);
  }

  /** Runs one grant at the token endpoint. */
  grant(grant: EntraGrant): Promise<EntraTokenResponse> {
    return requestEntraTokenResponse({
      credentialName: this.credentialName,
      http: this.#http,
      authority: this.authority,
      tenantId: grant.tenantId,
      grantType: grant.grantType,
      form: grant.form,
      scopes: grant.scopes,
      secrets: grant.secrets,
      abortSignal: grant.abortSignal,
    });
  }

  /**
   * The client-credentials grant for an app that `authenticate` authenticates (secret, certificate or
   * assertion), at the tenant the `getToken` call resolves to.
   */
  async clientCredentials(
    clientId: string,
    authenticate: ClientAuthentication,
    scopes: string[],
    options: GetTokenOptions,
  ): Promise<AccessToken> {
    const tenantId = this.tenantFor(options);
    const auth = await authenticate(this.tokenUrl(tenantId));
    const response = await this.grant({
      grantType: "client_credentials",
      form: { client_id: clientId, ...auth.form, ...(options.claims ? { claims: options.claims } : {}) },
      scopes,
      tenantId,
      secrets: auth.secrets,
      abortSignal: options.abortSignal,
    });
    return response.accessToken;
  }

  /** Posts to the device code endpoint. */
  startDeviceCode(
    form: Record<string, string>,
    scopes: string[],
    tenantId: string,
    abortSignal?: AbortSignalLike,
  ): Promise<JsonObject> {
    return postEntraForm({
      credentialName: this.credentialName,
      http: this.#http,
      authority: this.authority,
      tenantId,
      endpoint: "devicecode",
      form,
      scopes,
      secrets: [],
      abortSignal,
    });
  }

  /** Releases the sockets of the credential's own transport. */
  close(): void {
    this.#http.close();
  }
}

/** `AZURE_ADDITIONALLY_ALLOWED_TENANTS`: tenants separated by `;` (`*` for any), as `@azure/identity` reads it. */
export function allowedTenantsFromEnvironment(): string[] {
  return (process.env.AZURE_ADDITIONALLY_ALLOWED_TENANTS ?? "")
    .split(";")
    .map((t) => t.trim())
    .filter(Boolean);
}
