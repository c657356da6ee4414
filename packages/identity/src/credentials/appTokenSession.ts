import type { AccessToken, GetTokenOptions } from "@azkit/core-http";
import { EntraClient } from "../http/entraClient.js";
import { normalizeScopes, TokenCache } from "../tokenCache.js";
import type { ClientAuthentication } from "./clientAuthentication.js";
import type { EntraCredentialOptions } from "./tokenCredentialOptions.js";

/**
 * The tokens of an application signing in as itself (client credentials grant), whichever way it proves
 * who it is (secret, certificate, assertion): cached per scope, fetched again when stale.
 */
export class AppTokenSession {
  readonly #client: EntraClient;
  readonly #cache: TokenCache;

  constructor(
    credentialName: string,
    tenantId: string,
    clientId: string,
    authenticate: ClientAuthentication,
    options: EntraCredentialOptions,
  ) {
    this.#client = new EntraClient(credentialName, tenantId, options);
    this.#cache = new TokenCache((scopes, getOptions) =>
      this.#client.clientCredentials(clientId, authenticate, scopes, getOptions),
    );
  }

  getToken(scopes: string | string[], options: GetTokenOptions): Promise<AccessToken> {
    return this.#cache.getToken(normalizeScopes(this.#client.credentialName, scopes), options);
  }

  /** Releases the sockets and forgets the tokens; the session can still be used afterwards. */
  close(): void {
    this.#cache.clear();
    this.#client.close();
  }
}
