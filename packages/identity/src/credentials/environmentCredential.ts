import type { AccessToken, GetTokenOptions, TokenCredential } from "@azkit/core-http";
import { CredentialUnavailableError } from "../errors/credentialUnavailableError.js";
import { ClientSecretCredential } from "./clientSecretCredential.js";
import type { EntraCredentialOptions } from "./tokenCredentialOptions.js";

/**
 * Options of `EnvironmentCredential`.
 * @public
 */
export interface EnvironmentCredentialOptions extends EntraCredentialOptions {}

const REQUIRED = ["AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET"] as const;

/**
 * A `ClientSecretCredential` configured from the environment: `AZURE_TENANT_ID`, `AZURE_CLIENT_ID`,
 * `AZURE_CLIENT_SECRET`, and `AZURE_AUTHORITY_HOST` when set. The variables are read once, when the
 * credential is created. When one is missing, `getToken` rejects with a `CredentialUnavailableError`
 * naming the missing variables (never their values).
 *
 * @example
 * ```ts
 * // AZURE_TENANT_ID=... AZURE_CLIENT_ID=... AZURE_CLIENT_SECRET=... node app.js
 * const credential = new EnvironmentCredential();
 * ```
 * @public
 */
export class EnvironmentCredential implements TokenCredential {
  readonly #inner: ClientSecretCredential | undefined;
  readonly #unavailableReason: string | undefined;

  /** Reads the environment; never throws for missing variables (getToken reports them). */
  constructor(options: EnvironmentCredentialOptions = {}) {
    const missing = REQUIRED.filter((name) => !process.env[name]);
    if (missing.length > 0) {
      const certificateHint = process.env.AZURE_CLIENT_CERTIFICATE_PATH
        ? " (AZURE_CLIENT_CERTIFICATE_PATH is set, but certificates are not supported yet)"
        : "";
      this.#unavailableReason = `EnvironmentCredential: ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not set${certificateHint}.`;
      return;
    }
    try {
      this.#inner = new ClientSecretCredential(
        process.env.AZURE_TENANT_ID!,
        process.env.AZURE_CLIENT_ID!,
        process.env.AZURE_CLIENT_SECRET!,
        options,
      );
    } catch (error) {
      this.#unavailableReason = `EnvironmentCredential: ${(error as Error).message}`;
    }
  }

  /** Gets a token with the client secret from the environment; see `ClientSecretCredential.getToken`. */
  async getToken(scopes: string | string[], options: GetTokenOptions = {}): Promise<AccessToken> {
    if (!this.#inner)
      throw new CredentialUnavailableError(this.#unavailableReason ?? "EnvironmentCredential: unavailable.");
    return this.#inner.getToken(scopes, options);
  }

  /** Releases the credential's sockets and forgets its tokens. */
  async close(): Promise<void> {
    await this.#inner?.close();
  }

  /** Same as `EnvironmentCredential.close`, for `await using`. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}
