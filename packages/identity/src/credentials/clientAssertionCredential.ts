import type { AccessToken, GetTokenOptions, TokenCredential } from "@azkit/core-http";
import { AppTokenSession } from "./appTokenSession.js";
import { clientAssertionAuthentication } from "./clientAuthentication.js";
import {
  type CredentialPersistenceOptions,
  type EntraCredentialOptions,
  refusePersistentCache,
} from "./tokenCredentialOptions.js";

/**
 * Options of `ClientAssertionCredential`.
 * @public
 */
export interface ClientAssertionCredentialOptions
  extends EntraCredentialOptions,
    CredentialPersistenceOptions {}

const NAME = "ClientAssertionCredential";

/**
 * Authenticates an app registration with a client assertion your code supplies: a federated token from
 * another identity provider (GitHub Actions, Kubernetes, another cloud) that the app trusts through a
 * federated identity credential, or a JWT you sign yourself. `getAssertion` is called for every new token.
 *
 * @example
 * ```ts
 * const credential = new ClientAssertionCredential(tenantId, clientId, async () =>
 *   (await readFile("/var/run/secrets/token", "utf8")).trim(),
 * );
 * ```
 * @public
 */
export class ClientAssertionCredential implements TokenCredential {
  readonly #session: AppTokenSession;

  /**
   * Creates the credential; `getAssertion` returns the assertion (a JWT) to present, or a Promise of it
   * (with `@azkit/identity/sync`, return the string itself: the calling thread is blocked).
   */
  constructor(
    tenantId: string,
    clientId: string,
    getAssertion: () => string | Promise<string>,
    options: ClientAssertionCredentialOptions = {},
  ) {
    if (!tenantId || !clientId) throw new TypeError(`${NAME}: tenantId and clientId are required.`);
    if (typeof getAssertion !== "function") {
      throw new TypeError(`${NAME}: getAssertion must be a function returning the assertion.`);
    }
    refusePersistentCache(NAME, options);
    this.#session = new AppTokenSession(
      NAME,
      tenantId,
      clientId,
      clientAssertionAuthentication(NAME, getAssertion),
      options,
    );
  }

  /** Gets a token for `scopes`, from the cache while it is fresh; a new one presents a new assertion. */
  async getToken(scopes: string | string[], options: GetTokenOptions = {}): Promise<AccessToken> {
    return this.#session.getToken(scopes, options);
  }

  /** Releases the credential's sockets and forgets its tokens; it can still be used afterwards. */
  async close(): Promise<void> {
    this.#session.close();
  }

  /** Same as `ClientAssertionCredential.close`, for `await using`. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}
