import { readFile } from "node:fs/promises";
import type { AccessToken, GetTokenOptions, TokenCredential } from "@azkit/core-http";
import { CredentialUnavailableError } from "../errors/credentialUnavailableError.js";
import {
  checkTenantId,
  type EntraAuthority,
  resolveAuthority,
  resolveTenant,
} from "../http/entraAuthority.js";
import { requestEntraToken } from "../http/entraTokenRequest.js";
import { createTokenHttp, type TokenHttp } from "../http/tokenHttp.js";
import { normalizeScopes, TokenCache } from "../tokenCache.js";
import type { EntraCredentialOptions } from "./tokenCredentialOptions.js";

/**
 * Options of `WorkloadIdentityCredential`; each falls back to its environment variable.
 * @public
 */
export interface WorkloadIdentityCredentialOptions extends EntraCredentialOptions {
  /** The tenant; `AZURE_TENANT_ID` by default. */
  tenantId?: string;
  /** The app registration or user-assigned identity's client id; `AZURE_CLIENT_ID` by default. */
  clientId?: string;
  /** The file holding the federated (Kubernetes service account) token; `AZURE_FEDERATED_TOKEN_FILE` by default. */
  tokenFilePath?: string;
}

/**
 * Authenticates a workload (such as a Kubernetes pod with Azure Workload Identity) by exchanging the
 * federated token in `AZURE_FEDERATED_TOKEN_FILE` for an access token (a client assertion in the OAuth 2.0
 * client-credentials flow). The file is re-read for every new token, since the platform rotates it.
 *
 * @example
 * ```ts
 * // In a pod with azure.workload.identity/use: "true", the webhook sets the three variables.
 * const credential = new WorkloadIdentityCredential();
 * ```
 * @public
 */
export class WorkloadIdentityCredential implements TokenCredential {
  readonly #tenantId: string | undefined;
  readonly #clientId: string | undefined;
  readonly #tokenFilePath: string | undefined;
  readonly #authority: EntraAuthority;
  readonly #allowedTenants: readonly string[];
  readonly #http: TokenHttp;
  readonly #cache: TokenCache;

  /** Reads options and environment; missing settings are reported by `getToken`, not here. */
  constructor(options: WorkloadIdentityCredentialOptions = {}) {
    const name = "WorkloadIdentityCredential";
    const tenantId = options.tenantId ?? process.env.AZURE_TENANT_ID;
    this.#tenantId = tenantId ? checkTenantId(name, tenantId) : undefined;
    this.#clientId = options.clientId ?? process.env.AZURE_CLIENT_ID;
    this.#tokenFilePath = options.tokenFilePath ?? process.env.AZURE_FEDERATED_TOKEN_FILE;
    this.#authority = resolveAuthority(name, options.authorityHost);
    this.#allowedTenants = options.additionallyAllowedTenants ?? [];
    this.#http = createTokenHttp(options);
    this.#cache = new TokenCache((scopes, getOptions) => this.#requestToken(scopes, getOptions));
  }

  /**
   * Gets a token for `scopes`. Rejects with a `CredentialUnavailableError` when tenant, client id or token
   * file are not configured or the file cannot be read, and with an `AuthenticationError` when Microsoft
   * Entra ID refuses the federated token.
   */
  async getToken(scopes: string | string[], options: GetTokenOptions = {}): Promise<AccessToken> {
    const missing = [
      this.#tenantId ? undefined : "tenantId (AZURE_TENANT_ID)",
      this.#clientId ? undefined : "clientId (AZURE_CLIENT_ID)",
      this.#tokenFilePath ? undefined : "tokenFilePath (AZURE_FEDERATED_TOKEN_FILE)",
    ].filter((m) => m !== undefined);
    if (missing.length > 0) {
      throw new CredentialUnavailableError(`WorkloadIdentityCredential: ${missing.join(", ")} not set.`);
    }
    return this.#cache.getToken(normalizeScopes("WorkloadIdentityCredential", scopes), options);
  }

  /** Releases the credential's sockets and forgets its tokens. */
  async close(): Promise<void> {
    this.#cache.clear();
    this.#http.close();
  }

  /** Same as `WorkloadIdentityCredential.close`, for `await using`. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  async #requestToken(scopes: string[], options: GetTokenOptions): Promise<AccessToken> {
    const name = "WorkloadIdentityCredential";
    let assertion: string;
    try {
      assertion = (await readFile(this.#tokenFilePath!, "utf8")).trim();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "read failed";
      throw new CredentialUnavailableError(`${name}: cannot read the federated token file (${code}).`, {
        cause: error,
      });
    }
    if (assertion === "") throw new CredentialUnavailableError(`${name}: the federated token file is empty.`);
    return requestEntraToken({
      credentialName: name,
      http: this.#http,
      authority: this.#authority,
      tenantId: resolveTenant(name, this.#tenantId!, options.tenantId, this.#allowedTenants),
      form: {
        client_id: this.#clientId!,
        client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
        client_assertion: assertion,
        ...(options.claims ? { claims: options.claims } : {}),
      },
      scopes,
      secrets: [assertion],
      abortSignal: options.abortSignal,
    });
  }
}
