import {
  type AccessToken,
  type GetTokenOptions,
  isLoopbackHost,
  type TokenCredential,
} from "@azkit/core-http";
import { AuthenticationError } from "../errors/authenticationError.js";
import { CredentialUnavailableError } from "../errors/credentialUnavailableError.js";
import { parseJson } from "../http/entraTokenRequest.js";
import { createTokenHttp, type TokenHttp } from "../http/tokenHttp.js";
import { ClientAssertionCredential } from "./clientAssertionCredential.js";
import type {
  AuthorityValidationOptions,
  CredentialPersistenceOptions,
  MultiTenantTokenCredentialOptions,
} from "./tokenCredentialOptions.js";

/**
 * Options of `AzurePipelinesCredential`.
 * @public
 */
export interface AzurePipelinesCredentialOptions
  extends MultiTenantTokenCredentialOptions,
    CredentialPersistenceOptions,
    AuthorityValidationOptions {}

const NAME = "AzurePipelinesCredential";
/** The api-version of Azure DevOps' OIDC token endpoint. */
const OIDC_API_VERSION = "7.1";

/**
 * Authenticates an Azure Pipelines job through a service connection with workload identity federation:
 * asks Azure DevOps for the job's OIDC token (`SYSTEM_OIDCREQUESTURI`, with `System.AccessToken`) and
 * presents it as a client assertion to Microsoft Entra ID. The OIDC token is fetched again for every new
 * access token, since it is short-lived.
 *
 * @example
 * ```ts
 * // in an AzureCLI@2 or a script task with SYSTEM_ACCESSTOKEN: $(System.AccessToken)
 * const credential = new AzurePipelinesCredential(tenantId, clientId, serviceConnectionId, process.env.SYSTEM_ACCESSTOKEN!);
 * ```
 * @public
 */
export class AzurePipelinesCredential implements TokenCredential {
  readonly #inner: ClientAssertionCredential;
  readonly #http: TokenHttp;

  /**
   * Creates the credential. Throws `CredentialUnavailableError` when an argument is missing or
   * `SYSTEM_OIDCREQUESTURI` is not set (the code is not running in an Azure Pipelines job).
   */
  constructor(
    tenantId: string,
    clientId: string,
    serviceConnectionId: string,
    systemAccessToken: string,
    options: AzurePipelinesCredentialOptions = {},
  ) {
    const missing = Object.entries({ tenantId, clientId, serviceConnectionId, systemAccessToken })
      .filter(([, value]) => !value)
      .map(([key]) => key);
    if (missing.length > 0) {
      throw new CredentialUnavailableError(
        `${NAME}: ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} required.`,
      );
    }
    const requestUri = process.env.SYSTEM_OIDCREQUESTURI;
    if (!requestUri) {
      throw new CredentialUnavailableError(
        `${NAME}: SYSTEM_OIDCREQUESTURI is not set; run this in an Azure Pipelines job (the variable is set for tasks that use a service connection).`,
      );
    }
    const oidcUrl = new URL(requestUri);
    oidcUrl.searchParams.set("api-version", OIDC_API_VERSION);
    oidcUrl.searchParams.set("serviceConnectionId", serviceConnectionId);
    this.#http = createTokenHttp(options);
    this.#inner = new ClientAssertionCredential(
      tenantId,
      clientId,
      () => this.#requestOidcToken(oidcUrl.toString(), systemAccessToken),
      options,
    );
  }

  /** Gets a token for `scopes`, from the cache while it is fresh; a new one fetches a new OIDC token. */
  async getToken(scopes: string | string[], options: GetTokenOptions = {}): Promise<AccessToken> {
    return this.#inner.getToken(scopes, options);
  }

  /** Releases the credential's sockets and forgets its tokens. */
  async close(): Promise<void> {
    await this.#inner.close();
    this.#http.close();
  }

  /** Same as `AzurePipelinesCredential.close`, for `await using`. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  async #requestOidcToken(url: string, systemAccessToken: string): Promise<string> {
    const response = await this.#http.send({
      method: "POST",
      url,
      headers: {
        authorization: `Bearer ${systemAccessToken}`,
        "content-type": "application/json",
        // Without it Azure DevOps answers an expired token with a sign-in redirect instead of a 401.
        "x-tfs-fedauthredirect": "Suppress",
      },
      // Plain http only to a loopback address (a test double); Azure DevOps is https.
      allowInsecureConnection: new URL(url).protocol === "http:" && isLoopbackHost(new URL(url).hostname),
    });
    const body = parseJson(response.bodyAsText);
    if (response.status === 200 && typeof body?.oidcToken === "string" && body.oidcToken !== "") {
      return body.oidcToken;
    }
    const reference = [response.headers.get("x-vss-e2eid"), response.headers.get("x-msedge-ref")]
      .filter(Boolean)
      .join(", ");
    throw new AuthenticationError(
      `${NAME}: Azure DevOps answered ${response.status} without an oidcToken${reference ? ` (x-vss-e2eid, x-msedge-ref: ${reference})` : ""}; check the service connection id and that the job may use it (System.AccessToken).`,
      { statusCode: response.status },
    );
  }
}
