import { readFile } from "node:fs/promises";
import type { AccessToken, GetTokenOptions, TokenCredential } from "@azkit/core-http";
import { CredentialUnavailableError } from "../errors/credentialUnavailableError.js";
import { resolveAuthority } from "../http/entraAuthority.js";
import { EntraClient } from "../http/entraClient.js";
import { normalizeScopes, TokenCache } from "../tokenCache.js";
import { type ClientAuthentication, clientAssertionAuthentication } from "./clientAuthentication.js";
import type { EntraCredentialOptions } from "./tokenCredentialOptions.js";

const NAME = "WorkloadIdentityCredential";

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
  readonly #clientId: string | undefined;
  readonly #tokenFilePath: string | undefined;
  /** Undefined without a tenant, which `getToken` reports. */
  readonly #client: EntraClient | undefined;
  readonly #authenticate: ClientAuthentication;
  readonly #cache: TokenCache;

  /** Reads options and environment; missing settings are reported by `getToken`, not here. */
  constructor(options: WorkloadIdentityCredentialOptions = {}) {
    const tenantId = options.tenantId ?? process.env.AZURE_TENANT_ID;
    this.#clientId = options.clientId ?? process.env.AZURE_CLIENT_ID;
    this.#tokenFilePath = options.tokenFilePath ?? process.env.AZURE_FEDERATED_TOKEN_FILE;
    // The authority is checked now even without a tenant, so a bad one fails at construction either way.
    resolveAuthority(NAME, options.authorityHost);
    this.#client = tenantId ? new EntraClient(NAME, tenantId, options) : undefined;
    this.#authenticate = clientAssertionAuthentication(NAME, () => this.#readTokenFile());
    this.#cache = new TokenCache((scopes, getOptions) =>
      this.#client!.clientCredentials(this.#clientId!, this.#authenticate, scopes, getOptions),
    );
  }

  /**
   * Gets a token for `scopes`. Rejects with a `CredentialUnavailableError` when tenant, client id or token
   * file are not configured or the file cannot be read, and with an `AuthenticationError` when Microsoft
   * Entra ID refuses the federated token.
   */
  async getToken(scopes: string | string[], options: GetTokenOptions = {}): Promise<AccessToken> {
    const missing = [
      this.#client ? undefined : "tenantId (AZURE_TENANT_ID)",
      this.#clientId ? undefined : "clientId (AZURE_CLIENT_ID)",
      this.#tokenFilePath ? undefined : "tokenFilePath (AZURE_FEDERATED_TOKEN_FILE)",
    ].filter((m) => m !== undefined);
    if (missing.length > 0) {
      throw new CredentialUnavailableError(`${NAME}: ${missing.join(", ")} not set.`);
    }
    return this.#cache.getToken(normalizeScopes(NAME, scopes), options);
  }

  /** Releases the credential's sockets and forgets its tokens. */
  async close(): Promise<void> {
    this.#cache.clear();
    this.#client?.close();
  }

  /** Same as `WorkloadIdentityCredential.close`, for `await using`. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  /** The federated token, read anew for every token request since the platform rotates the file. */
  async #readTokenFile(): Promise<string> {
    let assertion: string;
    try {
      assertion = (await readFile(this.#tokenFilePath!, "utf8")).trim();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "read failed";
      throw new CredentialUnavailableError(`${NAME}: cannot read the federated token file (${code}).`, {
        cause: error,
      });
    }
    if (assertion === "") throw new CredentialUnavailableError(`${NAME}: the federated token file is empty.`);
    return assertion;
  }
}
