import type { AccessToken, GetTokenOptions, TokenCredential } from "@azkit/core-http";
import { EntraClient } from "../http/entraClient.js";
import {
  type CredentialPersistenceOptions,
  type EntraCredentialOptions,
  refusePersistentCache,
} from "./tokenCredentialOptions.js";
import { USER_FLOW_SCOPES, UserTokenSession } from "./userTokenSession.js";

/**
 * Options of `UsernamePasswordCredential`.
 * @public
 */
export interface UsernamePasswordCredentialOptions
  extends EntraCredentialOptions,
    CredentialPersistenceOptions {}

const NAME = "UsernamePasswordCredential";

/**
 * Signs a user in with a user name and password (the OAuth 2.0 resource owner password credentials
 * grant). Microsoft discourages it: it fails for accounts with multi-factor authentication (which Azure
 * now requires for most sign-ins) and for personal and federated accounts; prefer a browser or device code
 * sign-in, or a service principal. Kept so that code using it ports unchanged.
 *
 * @example
 * ```ts
 * const credential = new UsernamePasswordCredential(tenantId, clientId, "user@contoso.com", password);
 * ```
 * @public
 */
export class UsernamePasswordCredential implements TokenCredential {
  readonly #client: EntraClient;
  readonly #session: UserTokenSession;

  /** Creates the credential; the password is sent at the first `getToken`. */
  constructor(
    tenantId: string,
    clientId: string,
    username: string,
    password: string,
    options: UsernamePasswordCredentialOptions = {},
  ) {
    if (!tenantId || !clientId || !username || !password) {
      throw new TypeError(`${NAME}: tenantId, clientId, username and password are all required.`);
    }
    refusePersistentCache(NAME, options);
    this.#client = new EntraClient(NAME, tenantId, options);
    this.#session = new UserTokenSession(this.#client, clientId, (scopes, getOptions, tenant) =>
      this.#client.grant({
        grantType: "password",
        form: {
          client_id: clientId,
          username,
          password,
          ...(getOptions.claims ? { claims: getOptions.claims } : {}),
        },
        scopes: [...scopes, ...USER_FLOW_SCOPES],
        tenantId: tenant,
        secrets: [password],
        abortSignal: getOptions.abortSignal,
      }),
    );
  }

  /** Gets a token for `scopes` for the user, from the cache or the refresh token while they last. */
  async getToken(scopes: string | string[], options: GetTokenOptions = {}): Promise<AccessToken> {
    return this.#session.getToken(scopes, options);
  }

  /** Releases the credential's sockets and forgets its tokens. */
  async close(): Promise<void> {
    this.#session.close();
  }

  /** Same as `UsernamePasswordCredential.close`, for `await using`. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}
