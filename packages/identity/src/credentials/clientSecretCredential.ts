import type { AccessToken, GetTokenOptions, TokenCredential } from "@azkit/core-http";
import { AppTokenSession } from "./appTokenSession.js";
import { clientSecretAuthentication } from "./clientAuthentication.js";
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

const NAME = "ClientSecretCredential";

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
  readonly #session: AppTokenSession;

  /** Creates the credential; throws on a missing tenant, client id or secret, or an unsafe authority. */
  constructor(
    tenantId: string,
    clientId: string,
    clientSecret: string,
    options: ClientSecretCredentialOptions = {},
  ) {
    if (!tenantId || !clientId || !clientSecret) {
      throw new TypeError(`${NAME}: tenantId, clientId and clientSecret are all required.`);
    }
    refusePersistentCache(NAME, options);
    this.#session = new AppTokenSession(
      NAME,
      tenantId,
      clientId,
      clientSecretAuthentication(clientSecret),
      options,
    );
  }

  /**
   * Gets a token for `scopes`, from the cache while it is fresh.
   * Rejects with an `AuthenticationError` when Microsoft Entra ID refuses the secret.
   */
  async getToken(scopes: string | string[], options: GetTokenOptions = {}): Promise<AccessToken> {
    return this.#session.getToken(scopes, options);
  }

  /** Releases the credential's sockets and forgets its tokens; it can still be used afterwards. */
  async close(): Promise<void> {
    this.#session.close();
  }

  /** Same as `ClientSecretCredential.close`, for `await using`. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}
