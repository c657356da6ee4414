import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { AccessToken, GetTokenOptions, TokenCredential } from "@azkit/core-http";
import type { AuthenticationRecord } from "../authenticationRecord.js";
import { CredentialUnavailableError } from "../errors/credentialUnavailableError.js";
import type { EntraClient } from "../http/entraClient.js";
import type { EntraTokenResponse } from "../http/entraTokenRequest.js";
import {
  type CredentialPersistenceOptions,
  type InteractiveCredentialOptions,
  refusePersistentCache,
} from "./tokenCredentialOptions.js";
import { interactiveUserSession, USER_FLOW_SCOPES, type UserTokenSession } from "./userTokenSession.js";

/**
 * The pages the browser shows when the sign-in finishes.
 * @public
 */
export interface BrowserCustomizationOptions {
  /** Messages shown in the browser after the redirect. */
  browserCustomizationOptions?: {
    /** Shown when the sign-in failed. */
    errorMessage?: string;
    /** Shown when the sign-in succeeded. */
    successMessage?: string;
  };
}

/**
 * The Windows authentication broker (WAM), which `@azure/identity` reaches through its broker plugin.
 * @public
 */
export interface BrokerEnabledOptions {
  /** `true` asks for the broker, which azkit does not have (the constructor throws). */
  enabled: true;
  /** The window that owns the broker's prompt. */
  parentWindowHandle: Uint8Array;
  /** Lets personal Microsoft accounts through the broker. */
  legacyEnableMsaPassthrough?: boolean;
  /** Signs in silently with the operating system's default account. */
  useDefaultBrokerAccount?: boolean;
}

/**
 * The broker turned off (the default).
 * @public
 */
export interface BrokerDisabledOptions {
  /** `false`: sign in through the browser. */
  enabled: false;
  /** Unused when the broker is off. */
  legacyEnableMsaPassthrough?: undefined;
  /** Unused when the broker is off. */
  parentWindowHandle: undefined;
}

/**
 * Broker options, as `@azure/identity` names them.
 * @public
 */
export type BrokerOptions = BrokerEnabledOptions | BrokerDisabledOptions;

/**
 * Options that carry `BrokerOptions`.
 * @public
 */
export interface BrokerAuthOptions {
  /** Only `undefined` or `{ enabled: false }`: azkit signs in through the browser. */
  brokerOptions?: BrokerOptions;
}

/**
 * Options of `InteractiveBrowserCredential` in Node.js.
 * @public
 */
export interface InteractiveBrowserCredentialNodeOptions
  extends InteractiveCredentialOptions,
    CredentialPersistenceOptions,
    BrowserCustomizationOptions,
    BrokerAuthOptions {
  /**
   * The redirect URI: a loopback `http://localhost[:port][/path]` registered on the app; `http://localhost`
   * (any free port) by default.
   */
  redirectUri?: string | (() => string);
  /** The tenant; `organizations` by default. */
  tenantId?: string;
  /** The app registration (a public client); the Azure CLI's client id by default. */
  clientId?: string;
  /** The account to suggest on the sign-in page. */
  loginHint?: string;
}

/**
 * How the sign-in runs inside a web browser page.
 * @public
 */
export type BrowserLoginStyle = "redirect" | "popup";

/**
 * Options of `@azure/identity`'s in-browser flavour; accepted in Node.js the same way as the Node options
 * (`loginStyle` does not apply: the system browser always opens).
 * @public
 */
export interface InteractiveBrowserCredentialInBrowserOptions extends InteractiveCredentialOptions {
  /** The redirect URI (see `InteractiveBrowserCredentialNodeOptions.redirectUri`). */
  redirectUri?: string | (() => string);
  /** The tenant; `organizations` by default. */
  tenantId?: string;
  /** The app registration (a public client). */
  clientId: string;
  /** Popup or redirect inside a web page; not used in Node.js. */
  loginStyle?: BrowserLoginStyle;
  /** The account to suggest on the sign-in page. */
  loginHint?: string;
}

const NAME = "InteractiveBrowserCredential";

/**
 * Signs a user in through the system browser: opens the Microsoft Entra ID sign-in page (the command in
 * `BROWSER`, else the platform's default browser), receives the authorization code on a loopback
 * redirect listener (`http://localhost:<port>`), and redeems it with PKCE (S256). It waits until the
 * browser comes back or `getToken`'s `abortSignal` fires. Later tokens come from the refresh token, so
 * the browser opens once per credential.
 *
 * @example
 * ```ts
 * const credential = new InteractiveBrowserCredential({ tenantId, clientId });
 * const client = new ResourceManagementClient(credential, subscriptionId);
 * ```
 * @public
 */
export class InteractiveBrowserCredential implements TokenCredential {
  readonly #client: EntraClient;
  readonly #clientId: string;
  readonly #options: InteractiveBrowserCredentialNodeOptions;
  readonly #session: UserTokenSession;

  /** Creates the credential; the browser opens at the first `getToken` or `authenticate`. */
  constructor(
    options: InteractiveBrowserCredentialNodeOptions | InteractiveBrowserCredentialInBrowserOptions = {},
  ) {
    const nodeOptions = options as InteractiveBrowserCredentialNodeOptions;
    refusePersistentCache(NAME, nodeOptions);
    if (nodeOptions.brokerOptions?.enabled) {
      throw new TypeError(
        `${NAME}: brokerOptions.enabled is not supported: azkit has no Windows authentication broker (WAM); remove brokerOptions to sign in through the browser.`,
      );
    }
    this.#options = nodeOptions;
    ({
      client: this.#client,
      clientId: this.#clientId,
      session: this.#session,
    } = interactiveUserSession(NAME, options, (scopes, getOptions, tenantId) =>
      this.#signIn(scopes, getOptions, tenantId),
    ));
  }

  /**
   * Gets a token for `scopes`: from the cache, from the refresh token of an earlier sign-in, or by opening
   * the browser (unless `disableAutomaticAuthentication`, which throws `AuthenticationRequiredError`).
   */
  async getToken(scopes: string | string[], options: GetTokenOptions = {}): Promise<AccessToken> {
    return this.#session.getToken(scopes, options);
  }

  /** Opens the browser now and returns the account (store it with `serializeAuthenticationRecord`). */
  async authenticate(
    scopes: string | string[],
    options: GetTokenOptions = {},
  ): Promise<AuthenticationRecord | undefined> {
    return this.#session.authenticate(scopes, options);
  }

  /** Releases the credential's sockets and forgets its tokens and sign-in. */
  async close(): Promise<void> {
    this.#session.close();
  }

  /** Same as `InteractiveBrowserCredential.close`, for `await using`. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  async #signIn(scopes: string[], options: GetTokenOptions, tenantId: string): Promise<EntraTokenResponse> {
    const { listenForRedirect } = await import("../browser/loopbackRedirectListener.js");
    const { openSystemBrowser } = await import("../browser/openSystemBrowser.js");
    const configured = this.#options.redirectUri;
    const listener = await listenForRedirect(
      NAME,
      (typeof configured === "function" ? configured() : configured) ?? "http://localhost",
      this.#options.browserCustomizationOptions ?? {},
    );
    try {
      const verifier = randomBytes(32).toString("base64url");
      const state = randomUUID();
      const allScopes = [...scopes, ...USER_FLOW_SCOPES];
      const authorize = new URL(
        `${this.#client.authority.host}/${encodeURIComponent(tenantId)}/oauth2/v2.0/authorize`,
      );
      const loginHint =
        this.#options.loginHint ??
        this.#session.record?.username ??
        this.#options.authenticationRecord?.username;
      const params: Record<string, string> = {
        client_id: this.#clientId,
        response_type: "code",
        response_mode: "query",
        redirect_uri: listener.redirectUri,
        scope: allScopes.join(" "),
        state,
        code_challenge: createHash("sha256").update(verifier).digest("base64url"),
        code_challenge_method: "S256",
        prompt: "select_account",
        client_info: "1",
        ...(loginHint ? { login_hint: loginHint } : {}),
        ...(options.claims ? { claims: options.claims } : {}),
      };
      for (const [key, value] of Object.entries(params)) authorize.searchParams.set(key, value);
      const redirect = listener.waitForCode(state, options.abortSignal);
      try {
        await openSystemBrowser(authorize.toString());
      } catch (error) {
        throw new CredentialUnavailableError(
          `${NAME}: could not open a browser (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); set BROWSER to a browser command, or use DeviceCodeCredential on machines without one.`,
          { cause: error },
        );
      }
      const { code } = await redirect;
      return await this.#client.grant({
        grantType: "authorization_code",
        form: {
          client_id: this.#clientId,
          code,
          redirect_uri: listener.redirectUri,
          code_verifier: verifier,
        },
        scopes: allScopes,
        tenantId,
        secrets: [code, verifier],
        abortSignal: options.abortSignal,
      });
    } finally {
      listener.close();
    }
  }
}
