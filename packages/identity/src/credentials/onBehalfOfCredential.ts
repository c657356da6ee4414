import type { AccessToken, GetTokenOptions, TokenCredential } from "@azkit/core-http";
import { EntraClient } from "../http/entraClient.js";
import { normalizeScopes, TokenCache } from "../tokenCache.js";
import {
  type ClientAuthentication,
  clientAssertionAuthentication,
  clientCertificateAuthentication,
  clientSecretAuthentication,
} from "./clientAuthentication.js";
import {
  type AuthorityValidationOptions,
  type CredentialPersistenceOptions,
  type MultiTenantTokenCredentialOptions,
  refusePersistentCache,
} from "./tokenCredentialOptions.js";

/**
 * On-behalf-of with a client secret.
 * @public
 */
export interface OnBehalfOfCredentialSecretOptions {
  /** The middle-tier app's tenant. */
  tenantId: string;
  /** The middle-tier app's client id. */
  clientId: string;
  /** The middle-tier app's client secret. */
  clientSecret: string;
  /** The user's access token the middle tier received (its audience is the middle-tier app). */
  userAssertionToken: string;
}

/**
 * On-behalf-of with a certificate (PEM or PFX file).
 * @public
 */
export interface OnBehalfOfCredentialCertificateOptions {
  /** The middle-tier app's tenant. */
  tenantId: string;
  /** The middle-tier app's client id. */
  clientId: string;
  /** The certificate file: PEM (certificate and private key) or PFX. */
  certificatePath: string;
  /** The user's access token the middle tier received. */
  userAssertionToken: string;
  /** Sends the certificate chain (`x5c`) with each assertion (subject name/issuer authentication). */
  sendCertificateChain?: boolean;
}

/**
 * On-behalf-of with a client assertion the caller supplies.
 * @public
 */
export interface OnBehalfOfCredentialAssertionOptions {
  /** The middle-tier app's tenant. */
  tenantId: string;
  /** The middle-tier app's client id. */
  clientId: string;
  /** Returns the middle-tier app's client assertion, called for every new token. */
  getAssertion: () => Promise<string>;
  /** The user's access token the middle tier received. */
  userAssertionToken: string;
}

/**
 * Options of `OnBehalfOfCredential`: one way of authenticating the middle-tier app, plus the usual options.
 * @public
 */
export type OnBehalfOfCredentialOptions = (
  | OnBehalfOfCredentialSecretOptions
  | OnBehalfOfCredentialCertificateOptions
  | OnBehalfOfCredentialAssertionOptions
) &
  MultiTenantTokenCredentialOptions &
  CredentialPersistenceOptions &
  AuthorityValidationOptions;

const NAME = "OnBehalfOfCredential";

/**
 * The OAuth 2.0 on-behalf-of flow: a middle-tier service that received a user's access token exchanges
 * it for a token to another resource, for the same user (grant `urn:ietf:params:oauth:grant-type:jwt-bearer`,
 * `requested_token_use=on_behalf_of`). The middle tier authenticates with a secret, a certificate or an
 * assertion.
 *
 * @example
 * ```ts
 * const credential = new OnBehalfOfCredential({
 *   tenantId, clientId, clientSecret, userAssertionToken: request.headers.authorization.slice(7),
 * });
 * const graph = await credential.getToken("https://management.azure.com/.default");
 * ```
 * @public
 */
export class OnBehalfOfCredential implements TokenCredential {
  readonly #client: EntraClient;
  readonly #clientId: string;
  readonly #userAssertionToken: string;
  readonly #authenticate: ClientAuthentication;
  readonly #cache: TokenCache;

  /** Creates the credential with a certificate. */
  constructor(
    options: OnBehalfOfCredentialCertificateOptions &
      MultiTenantTokenCredentialOptions &
      CredentialPersistenceOptions,
  );
  /** Creates the credential with a client secret. */
  constructor(
    options: OnBehalfOfCredentialSecretOptions &
      MultiTenantTokenCredentialOptions &
      CredentialPersistenceOptions,
  );
  /** Creates the credential with a client assertion. */
  constructor(
    options: OnBehalfOfCredentialAssertionOptions &
      MultiTenantTokenCredentialOptions &
      CredentialPersistenceOptions,
  );
  constructor(options: OnBehalfOfCredentialOptions) {
    const { tenantId, clientId, userAssertionToken } = options;
    if (!tenantId || !clientId || !userAssertionToken) {
      throw new TypeError(`${NAME}: tenantId, clientId and userAssertionToken are required.`);
    }
    refusePersistentCache(NAME, options);
    this.#client = new EntraClient(NAME, tenantId, options);
    this.#clientId = clientId;
    this.#userAssertionToken = userAssertionToken;
    if ("clientSecret" in options && options.clientSecret) {
      this.#authenticate = clientSecretAuthentication(options.clientSecret);
    } else if ("certificatePath" in options && options.certificatePath) {
      this.#authenticate = clientCertificateAuthentication(
        NAME,
        clientId,
        { path: options.certificatePath },
        options.sendCertificateChain ?? false,
      );
    } else if ("getAssertion" in options && typeof options.getAssertion === "function") {
      this.#authenticate = clientAssertionAuthentication(NAME, options.getAssertion);
    } else {
      throw new TypeError(`${NAME}: give one of clientSecret, certificatePath or getAssertion.`);
    }
    this.#cache = new TokenCache((scopes, getOptions) => this.#requestToken(scopes, getOptions));
  }

  /** Gets a token for `scopes` for the user of `userAssertionToken`, from the cache while it is fresh. */
  async getToken(scopes: string | string[], options: GetTokenOptions = {}): Promise<AccessToken> {
    return this.#cache.getToken(normalizeScopes(NAME, scopes), options);
  }

  /** Releases the credential's sockets and forgets its tokens. */
  async close(): Promise<void> {
    this.#cache.clear();
    this.#client.close();
  }

  /** Same as `OnBehalfOfCredential.close`, for `await using`. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  async #requestToken(scopes: string[], options: GetTokenOptions): Promise<AccessToken> {
    const tenantId = this.#client.tenantFor(options);
    const auth = await this.#authenticate(this.#client.tokenUrl(tenantId));
    const response = await this.#client.grant({
      grantType: "urn:ietf:params:oauth:grant-type:jwt-bearer",
      form: {
        client_id: this.#clientId,
        ...auth.form,
        assertion: this.#userAssertionToken,
        requested_token_use: "on_behalf_of",
        ...(options.claims ? { claims: options.claims } : {}),
      },
      scopes,
      tenantId,
      secrets: [...auth.secrets, this.#userAssertionToken],
      abortSignal: options.abortSignal,
    });
    return response.accessToken;
  }
}
