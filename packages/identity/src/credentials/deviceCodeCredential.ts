import type { AbortSignalLike, AccessToken, GetTokenOptions, TokenCredential } from "@azkit/core-http";
import { AbortError } from "@azkit/core-http";
import type { AuthenticationRecord } from "../authenticationRecord.js";
import { AuthenticationError, isAuthenticationError } from "../errors/authenticationError.js";
import type { EntraClient } from "../http/entraClient.js";
import type { EntraTokenResponse } from "../http/entraTokenRequest.js";
import {
  type CredentialPersistenceOptions,
  type InteractiveCredentialOptions,
  refusePersistentCache,
} from "./tokenCredentialOptions.js";
import { interactiveUserSession, USER_FLOW_SCOPES, type UserTokenSession } from "./userTokenSession.js";

/**
 * What the user needs to sign in with a device code.
 * @public
 */
export interface DeviceCodeInfo {
  /** The code to enter on the verification page. */
  userCode: string;
  /** The page to open, such as `https://microsoft.com/devicelogin`. */
  verificationUri: string;
  /** Microsoft Entra ID's instruction, ready to show ("To sign in, use a web browser to open ..."). */
  message: string;
}

/**
 * Shows the user the device code instructions.
 * @public
 */
export type DeviceCodePromptCallback = (deviceCodeInfo: DeviceCodeInfo) => void;

/**
 * Options of `DeviceCodeCredential`.
 * @public
 */
export interface DeviceCodeCredentialOptions
  extends InteractiveCredentialOptions,
    CredentialPersistenceOptions {
  /** The tenant; `organizations` (any work or school account) by default. */
  tenantId?: string;
  /** The app registration (a public client); the Azure CLI's client id by default. */
  clientId?: string;
  /** Shows the user the code; by default the message is printed with `console.log`. */
  userPromptCallback?: DeviceCodePromptCallback;
}

const NAME = "DeviceCodeCredential";

/**
 * Signs a user in on another device: the credential gets a code from Microsoft Entra ID, shows it through
 * `userPromptCallback` (the user opens the verification page anywhere and enters it), and polls until the
 * user has signed in. For machines without a browser (SSH sessions, containers, IoT). Later tokens come
 * from the refresh token, so the user is asked once per credential.
 *
 * @example
 * ```ts
 * const credential = new DeviceCodeCredential({
 *   tenantId,
 *   userPromptCallback: (info) => console.log(info.message),
 * });
 * ```
 * @public
 */
export class DeviceCodeCredential implements TokenCredential {
  readonly #client: EntraClient;
  readonly #clientId: string;
  readonly #prompt: DeviceCodePromptCallback;
  readonly #session: UserTokenSession;

  /** Creates the credential; nothing is asked of the user until the first `getToken` or `authenticate`. */
  constructor(options: DeviceCodeCredentialOptions = {}) {
    refusePersistentCache(NAME, options);
    ({
      client: this.#client,
      clientId: this.#clientId,
      session: this.#session,
    } = interactiveUserSession(NAME, options, (scopes, getOptions, tenantId) =>
      this.#signIn(scopes, getOptions, tenantId),
    ));
    this.#prompt = options.userPromptCallback ?? ((info) => console.log(info.message));
  }

  /**
   * Gets a token for `scopes`: from the cache, from the refresh token of an earlier sign-in, or by a new
   * device code sign-in (unless `disableAutomaticAuthentication`, which throws `AuthenticationRequiredError`).
   */
  async getToken(scopes: string | string[], options: GetTokenOptions = {}): Promise<AccessToken> {
    return this.#session.getToken(scopes, options);
  }

  /** Runs the device code sign-in now and returns the account (store it with `serializeAuthenticationRecord`). */
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

  /** Same as `DeviceCodeCredential.close`, for `await using`. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  async #signIn(scopes: string[], options: GetTokenOptions, tenantId: string): Promise<EntraTokenResponse> {
    const allScopes = [...scopes, ...USER_FLOW_SCOPES];
    const start = await this.#client.startDeviceCode(
      { client_id: this.#clientId },
      allScopes,
      tenantId,
      options.abortSignal,
    );
    const deviceCode = String(start.device_code ?? "");
    const userCode = String(start.user_code ?? "");
    const verificationUri = String(start.verification_uri ?? start.verification_url ?? "");
    if (!deviceCode || !userCode) {
      throw new AuthenticationError(`${NAME}: the device code endpoint answered without a device code.`);
    }
    await this.#prompt({
      userCode,
      verificationUri,
      message: String(start.message ?? `To sign in, open ${verificationUri} and enter the code ${userCode}.`),
    });
    let intervalInMs = Math.max(0, Number(start.interval ?? 5)) * 1000;
    const deadline = Date.now() + Number(start.expires_in ?? 900) * 1000;
    for (;;) {
      try {
        return await this.#client.grant({
          grantType: "urn:ietf:params:oauth:grant-type:device_code",
          form: { client_id: this.#clientId, device_code: deviceCode },
          scopes: allScopes,
          tenantId,
          secrets: [deviceCode],
          abortSignal: options.abortSignal,
        });
      } catch (error) {
        const code = isAuthenticationError(error) ? error.errorResponse?.error : undefined;
        if (code !== "authorization_pending" && code !== "slow_down") throw error;
        if (code === "slow_down") intervalInMs += 5000;
      }
      if (Date.now() + intervalInMs > deadline) {
        throw new AuthenticationError(
          `${NAME}: the device code expired before the user signed in; call getToken again for a new code.`,
        );
      }
      await delay(intervalInMs, options.abortSignal);
    }
  }
}

/** Waits between polls; an abort ends the wait (and the sign-in) at once. */
function delay(ms: number, abortSignal: AbortSignalLike | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (abortSignal?.aborted) {
      reject(new AbortError("DeviceCodeCredential: the sign-in was aborted."));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AbortError("DeviceCodeCredential: the sign-in was aborted."));
    };
    const timer = setTimeout(() => {
      abortSignal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    abortSignal?.addEventListener("abort", onAbort);
  });
}
