import type { AccessToken, GetTokenOptions } from "@azkit/core-http";
import type { AuthenticationRecord } from "../authenticationRecord.js";
import { isAuthenticationError } from "../errors/authenticationError.js";
import { AuthenticationRequiredError } from "../errors/authenticationRequiredError.js";
import { EntraClient } from "../http/entraClient.js";
import type { EntraTokenResponse } from "../http/entraTokenRequest.js";
import { normalizeScopes, TokenCache } from "../tokenCache.js";
import type { ClientAuthentication } from "./clientAuthentication.js";
import type { EntraCredentialOptions, InteractiveCredentialOptions } from "./tokenCredentialOptions.js";

/** The scopes a user sign-in adds, for the ID token (the account) and the refresh token. */
export const USER_FLOW_SCOPES = ["openid", "profile", "offline_access"];

/** The Azure CLI's public client id, which user credentials use when given no client id (as `@azure/identity`). */
export const DEVELOPER_SIGN_ON_CLIENT_ID = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";

/** What a credential that signs a user in interactively (device code, browser) is configured with. */
export type InteractiveUserOptions = InteractiveCredentialOptions &
  EntraCredentialOptions & { tenantId?: string; clientId?: string };

/**
 * The Entra client, client id and session of a credential that signs a user in interactively (device code,
 * browser). The tenant and client id come from the options, else from the authentication record, else
 * they are "organizations" and the developer sign-on app (as `@azure/identity`).
 */
export function interactiveUserSession(
  credentialName: string,
  options: InteractiveUserOptions,
  signIn: SignIn,
): { client: EntraClient; clientId: string; session: UserTokenSession } {
  const client = new EntraClient(
    credentialName,
    options.tenantId ?? options.authenticationRecord?.tenantId ?? "organizations",
    options,
  );
  const clientId = options.clientId ?? options.authenticationRecord?.clientId ?? DEVELOPER_SIGN_ON_CLIENT_ID;
  const session = new UserTokenSession(client, clientId, signIn, {
    disableAutomaticAuthentication: options.disableAutomaticAuthentication,
  });
  return { client, clientId, session };
}

/** Signs the user in (device code, browser, password, authorization code) for `scopes` at `tenantId`. */
export type SignIn = (
  scopes: string[],
  options: GetTokenOptions,
  tenantId: string,
) => Promise<EntraTokenResponse>;

/** How a user credential's session behaves. */
export interface UserTokenSessionOptions {
  /** Whether `getToken` may start a sign-in itself (false: it throws AuthenticationRequiredError). */
  disableAutomaticAuthentication?: boolean;
  /** Authenticates the client for a confidential app (AuthorizationCodeCredential with a secret). */
  clientAuthentication?: ClientAuthentication;
}

/**
 * The signed-in user of a credential: the first token comes from a sign-in, later ones (other scopes,
 * expired tokens) from the refresh token that sign-in returned, so the user is asked once. Tokens are
 * cached per scope like every credential's.
 */
export class UserTokenSession {
  readonly #client: EntraClient;
  readonly #clientId: string;
  readonly #signIn: SignIn;
  readonly #options: UserTokenSessionOptions;
  readonly #cache: TokenCache;
  #refreshToken: string | undefined;
  #record: AuthenticationRecord | undefined;

  constructor(client: EntraClient, clientId: string, signIn: SignIn, options: UserTokenSessionOptions = {}) {
    this.#client = client;
    this.#clientId = clientId;
    this.#signIn = signIn;
    this.#options = options;
    this.#cache = new TokenCache((scopes, getOptions) => this.#fetch(scopes, getOptions));
  }

  /** The account of the last sign-in. */
  get record(): AuthenticationRecord | undefined {
    return this.#record;
  }

  getToken(scopes: string | string[], options: GetTokenOptions): Promise<AccessToken> {
    return this.#cache.getToken(normalizeScopes(this.#client.credentialName, scopes), options);
  }

  /** Signs the user in now (even with a refresh token at hand) and returns the account. */
  async authenticate(
    scopes: string | string[],
    options: GetTokenOptions,
  ): Promise<AuthenticationRecord | undefined> {
    const list = normalizeScopes(this.#client.credentialName, scopes);
    await this.#signInAndKeep(list, options);
    return this.#record;
  }

  close(): void {
    this.#cache.clear();
    this.#client.close();
  }

  async #fetch(scopes: string[], options: GetTokenOptions): Promise<AccessToken> {
    if (this.#refreshToken && options.claims === undefined) {
      try {
        return await this.#refresh(scopes, options);
      } catch (error) {
        // An expired or revoked refresh token means a new sign-in; anything else is the answer.
        if (!(isAuthenticationError(error) && error.errorResponse?.error === "invalid_grant")) throw error;
        this.#refreshToken = undefined;
      }
    }
    if (this.#options.disableAutomaticAuthentication) {
      throw new AuthenticationRequiredError({
        scopes,
        getTokenOptions: options,
        message: `${this.#client.credentialName}: the user must sign in; automatic authentication is disabled, so call authenticate(scopes) first.`,
      });
    }
    return this.#signInAndKeep(scopes, options);
  }

  async #signInAndKeep(scopes: string[], options: GetTokenOptions): Promise<AccessToken> {
    const tenantId = this.#client.tenantFor(options);
    const response = await this.#signIn(scopes, options, tenantId);
    this.#keep(response, tenantId);
    return response.accessToken;
  }

  async #refresh(scopes: string[], options: GetTokenOptions): Promise<AccessToken> {
    const tenantId = this.#client.tenantFor(options);
    const auth = this.#options.clientAuthentication
      ? await this.#options.clientAuthentication(this.#client.tokenUrl(tenantId))
      : { form: {}, secrets: [] };
    const response = await this.#client.grant({
      grantType: "refresh_token",
      form: { client_id: this.#clientId, refresh_token: this.#refreshToken!, ...auth.form },
      scopes: [...scopes, ...USER_FLOW_SCOPES],
      tenantId,
      secrets: [this.#refreshToken, ...auth.secrets],
      abortSignal: options.abortSignal,
    });
    this.#keep(response, tenantId);
    return response.accessToken;
  }

  #keep(response: EntraTokenResponse, tenantId: string): void {
    if (response.refreshToken) this.#refreshToken = response.refreshToken;
    const account = accountOf(response);
    if (account) {
      this.#record = {
        authority: new URL(this.#client.authority.host).host,
        homeAccountId: `${account.objectId}.${account.tenantId ?? tenantId}`,
        clientId: this.#clientId,
        tenantId: account.tenantId ?? tenantId,
        username: account.username ?? this.#record?.username ?? "",
      };
    }
  }
}

/** The account ids Microsoft Entra ID returns: `client_info` (object and tenant id) and the ID token's name. */
function accountOf(
  response: EntraTokenResponse,
): { objectId: string; tenantId: string | undefined; username: string | undefined } | undefined {
  const clientInfo = decodeJson(response.clientInfo);
  const idToken = decodeJson(response.idToken?.split(".")[1]);
  const objectId = (clientInfo?.uid ?? idToken?.oid) as string | undefined;
  if (typeof objectId !== "string") return undefined;
  const tenantId = (clientInfo?.utid ?? idToken?.tid) as string | undefined;
  const username = (idToken?.preferred_username ?? idToken?.upn ?? idToken?.email) as string | undefined;
  return { objectId, tenantId, username };
}

function decodeJson(base64url: string | undefined): Record<string, unknown> | undefined {
  if (!base64url) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(base64url, "base64url").toString("utf8"));
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
