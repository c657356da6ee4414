import type { AccessToken, GetTokenOptions, TokenCredential } from "@azkit/core-http";
import {
  checkTenantId,
  type EntraAuthority,
  resolveAuthority,
  resolveTenant,
} from "../http/entraAuthority.js";
import { requestEntraToken } from "../http/entraTokenRequest.js";
import { createTokenHttp, type TokenHttp } from "../http/tokenHttp.js";
import { normalizeScopes, TokenCache } from "../tokenCache.js";
import {
  type CredentialPersistenceOptions,
  type EntraCredentialOptions,
  refusePersistentCache,
} from "./tokenCredentialOptions.js";

/**
 * Options of `ClientSecretCredential`.
 * @public
 */
export interface ClientSecretCredentialOptions extends EntraCredentialOptions, CredentialPersistenceOptions {}

/**
 * Authenticates an app registration (service principal) with its client secret, through the OAuth 2.0
 * client-credentials flow against `{authorityHost}/{tenantId}/oauth2/v2.0/token`. Tokens are cached per
 * scope and refreshed five minutes before expiry.
 *
 * @example
 * ```ts
 * const credential = new ClientSecretCredential(tenantId, clientId, process.env.CLIENT_SECRET!);
 * const client = new ResourceManagementClient(credential, subscriptionId);
 * // ...
 * await credential.close();
 * ```
 * @public
 */
export class ClientSecretCredential implements TokenCredential {
  readonly #tenantId: string;
  readonly #clientId: string;
  readonly #clientSecret: string;
  readonly #authority: EntraAuthority;
  readonly #allowedTenants: readonly string[];
  readonly #http: TokenHttp;
  readonly #cache: TokenCache;

  /** Creates the credential; throws on a missing tenant, client id or secret, or an unsafe authority. */
  constructor(
    tenantId: string,
    clientId: string,
    clientSecret: string,
    options: ClientSecretCredentialOptions = {},
  ) {
    const name = "ClientSecretCredential";
    if (!tenantId || !clientId || !clientSecret) {
      throw new TypeError(`${name}: tenantId, clientId and clientSecret are all required.`);
    }
    refusePersistentCache(name, options);
    this.#tenantId = checkTenantId(name, tenantId);
    this.#clientId = clientId;
    this.#clientSecret = clientSecret;
    this.#authority = resolveAuthority(name, options.authorityHost);
    this.#allowedTenants = options.additionallyAllowedTenants ?? [];
    this.#http = createTokenHttp(options);
    this.#cache = new TokenCache((scopes, getOptions) => this.#requestToken(scopes, getOptions));
  }

  /**
   * Gets a token for `scopes`, from the cache while it is fresh.
   * Rejects with an `AuthenticationError` when Microsoft Entra ID refuses the secret.
   */
  async getToken(scopes: string | string[], options: GetTokenOptions = {}): Promise<AccessToken> {
    return this.#cache.getToken(normalizeScopes("ClientSecretCredential", scopes), options);
  }

  /** Releases the credential's sockets and forgets its tokens; it can still be used afterwards. */
  async close(): Promise<void> {
    this.#cache.clear();
    this.#http.close();
  }

  /** Same as `ClientSecretCredential.close`, for `await using`. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  #requestToken(scopes: string[], options: GetTokenOptions): Promise<AccessToken> {
    const name = "ClientSecretCredential";
    return requestEntraToken({
      credentialName: name,
      http: this.#http,
      authority: this.#authority,
      tenantId: resolveTenant(name, this.#tenantId, options.tenantId, this.#allowedTenants),
      form: {
        client_id: this.#clientId,
        client_secret: this.#clientSecret,
        ...(options.claims ? { claims: options.claims } : {}),
      },
      scopes,
      secrets: [this.#clientSecret],
      abortSignal: options.abortSignal,
    });
  }
}
