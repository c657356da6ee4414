import type { AccessToken, GetTokenOptions, TokenCredential } from "@azkit/core-http";
import { EntraClient } from "../http/entraClient.js";
import { type ClientAuthentication, clientSecretAuthentication } from "./clientAuthentication.js";
import type {
  AuthorityValidationOptions,
  MultiTenantTokenCredentialOptions,
} from "./tokenCredentialOptions.js";
import { USER_FLOW_SCOPES, UserTokenSession } from "./userTokenSession.js";

/**
 * Options of `AuthorizationCodeCredential`.
 * @public
 */
export interface AuthorizationCodeCredentialOptions
  extends MultiTenantTokenCredentialOptions,
    AuthorityValidationOptions {}

const NAME = "AuthorizationCodeCredential";

/**
 * Redeems an authorization code your web app received at its redirect URI (the OAuth 2.0 authorization
 * code flow, where your app sends the user to the authorize endpoint itself). The first `getToken`
 * redeems the code (a code works once); later tokens come from the refresh token it returned. A web app
 * (confidential client) passes its client secret; a public client omits it.
 *
 * @example
 * ```ts
 * // in the redirect handler of a web app
 * const credential = new AuthorizationCodeCredential(tenantId, clientId, clientSecret, code, redirectUri);
 * const token = await credential.getToken("https://management.azure.com/user_impersonation");
 * ```
 * @public
 */
export class AuthorizationCodeCredential implements TokenCredential {
  readonly #client: EntraClient;
  readonly #session: UserTokenSession;

  /** Creates the credential for a confidential client (a web app with a secret). */
  constructor(
    tenantId: string | "common",
    clientId: string,
    clientSecret: string,
    authorizationCode: string,
    redirectUri: string,
    options?: AuthorizationCodeCredentialOptions,
  );
  /** Creates the credential for a public client (no secret). */
  constructor(
    tenantId: string | "common",
    clientId: string,
    authorizationCode: string,
    redirectUri: string,
    options?: AuthorizationCodeCredentialOptions,
  );
  constructor(
    tenantId: string,
    clientId: string,
    secretOrCode: string,
    codeOrRedirectUri: string,
    redirectUriOrOptions?: string | AuthorizationCodeCredentialOptions,
    maybeOptions?: AuthorizationCodeCredentialOptions,
  ) {
    const confidential = typeof redirectUriOrOptions === "string";
    const clientSecret = confidential ? secretOrCode : undefined;
    const authorizationCode = confidential ? codeOrRedirectUri : secretOrCode;
    const redirectUri = confidential ? (redirectUriOrOptions as string) : codeOrRedirectUri;
    const options =
      (confidential ? maybeOptions : (redirectUriOrOptions as AuthorizationCodeCredentialOptions)) ?? {};
    if (!tenantId || !clientId || !authorizationCode || !redirectUri) {
      throw new TypeError(`${NAME}: tenantId, clientId, authorizationCode and redirectUri are required.`);
    }
    this.#client = new EntraClient(NAME, tenantId, options);
    const clientAuthentication: ClientAuthentication | undefined = clientSecret
      ? clientSecretAuthentication(clientSecret)
      : undefined;
    this.#session = new UserTokenSession(
      this.#client,
      clientId,
      async (scopes, getOptions, tenant) => {
        const auth = clientAuthentication
          ? await clientAuthentication(this.#client.tokenUrl(tenant))
          : undefined;
        return this.#client.grant({
          grantType: "authorization_code",
          form: { client_id: clientId, code: authorizationCode, redirect_uri: redirectUri, ...auth?.form },
          scopes: [...scopes, ...USER_FLOW_SCOPES],
          tenantId: tenant,
          secrets: [authorizationCode, ...(auth?.secrets ?? [])],
          abortSignal: getOptions.abortSignal,
        });
      },
      { clientAuthentication },
    );
  }

  /** Gets a token for `scopes`: the first redeems the code, later ones use the refresh token. */
  async getToken(scopes: string | string[], options: GetTokenOptions = {}): Promise<AccessToken> {
    return this.#session.getToken(scopes, options);
  }

  /** Releases the credential's sockets and forgets its tokens. */
  async close(): Promise<void> {
    this.#session.close();
  }

  /** Same as `AuthorizationCodeCredential.close`, for `await using`. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}
