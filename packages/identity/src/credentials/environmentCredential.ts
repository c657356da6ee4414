import type { AccessToken, GetTokenOptions, TokenCredential } from "@azkit/core-http";
import { CredentialUnavailableError } from "../errors/credentialUnavailableError.js";
import { allowedTenantsFromEnvironment } from "../http/entraClient.js";
import { ClientCertificateCredential } from "./clientCertificateCredential.js";
import { ClientSecretCredential } from "./clientSecretCredential.js";
import type { EntraCredentialOptions } from "./tokenCredentialOptions.js";
import { UsernamePasswordCredential } from "./usernamePasswordCredential.js";

/**
 * Options of `EnvironmentCredential`.
 * @public
 */
export interface EnvironmentCredentialOptions extends EntraCredentialOptions {}

type Inner = ClientSecretCredential | ClientCertificateCredential | UsernamePasswordCredential;

/**
 * A credential configured from the environment, as `@azure/identity` reads it: with `AZURE_TENANT_ID` and
 * `AZURE_CLIENT_ID`, the first that is set of
 * - `AZURE_CLIENT_SECRET` (a `ClientSecretCredential`),
 * - `AZURE_CLIENT_CERTIFICATE_PATH` (a `ClientCertificateCredential`; PEM or PFX, with
 *   `AZURE_CLIENT_CERTIFICATE_PASSWORD` and `AZURE_CLIENT_SEND_CERTIFICATE_CHAIN`),
 * - `AZURE_USERNAME` and `AZURE_PASSWORD` (a `UsernamePasswordCredential`).
 * Also `AZURE_AUTHORITY_HOST` and `AZURE_ADDITIONALLY_ALLOWED_TENANTS` (`;`-separated). The variables
 * are read once, when the credential is created. When none is complete, `getToken` rejects with a
 * `CredentialUnavailableError` naming what is missing (never a value).
 *
 * @example
 * ```ts
 * // AZURE_TENANT_ID=... AZURE_CLIENT_ID=... AZURE_CLIENT_SECRET=... node app.js
 * const credential = new EnvironmentCredential();
 * ```
 * @public
 */
export class EnvironmentCredential implements TokenCredential {
  readonly #inner: Inner | undefined;
  readonly #unavailableReason: string | undefined;

  /** Reads the environment; never throws for missing variables (getToken reports them). */
  constructor(options: EnvironmentCredentialOptions = {}) {
    const env = process.env;
    const tenantId = env.AZURE_TENANT_ID;
    const clientId = env.AZURE_CLIENT_ID;
    const innerOptions = {
      ...options,
      additionallyAllowedTenants: options.additionallyAllowedTenants ?? allowedTenantsFromEnvironment(),
    };
    const missing = [
      tenantId ? undefined : "AZURE_TENANT_ID",
      clientId ? undefined : "AZURE_CLIENT_ID",
    ].filter((name) => name !== undefined);
    try {
      if (missing.length === 0 && env.AZURE_CLIENT_SECRET) {
        this.#inner = new ClientSecretCredential(tenantId!, clientId!, env.AZURE_CLIENT_SECRET, innerOptions);
      } else if (missing.length === 0 && env.AZURE_CLIENT_CERTIFICATE_PATH) {
        this.#inner = new ClientCertificateCredential(
          tenantId!,
          clientId!,
          {
            certificatePath: env.AZURE_CLIENT_CERTIFICATE_PATH,
            certificatePassword: env.AZURE_CLIENT_CERTIFICATE_PASSWORD,
          },
          {
            ...innerOptions,
            sendCertificateChain: /^(true|1)$/i.test(env.AZURE_CLIENT_SEND_CERTIFICATE_CHAIN ?? ""),
          },
        );
      } else if (missing.length === 0 && env.AZURE_USERNAME && env.AZURE_PASSWORD) {
        this.#inner = new UsernamePasswordCredential(
          tenantId!,
          clientId!,
          env.AZURE_USERNAME,
          env.AZURE_PASSWORD,
          innerOptions,
        );
      } else {
        const unset = [...missing, "AZURE_CLIENT_SECRET"];
        this.#unavailableReason = `EnvironmentCredential: ${unset.join(", ")} ${unset.length === 1 ? "is" : "are"} not set (instead of the secret, AZURE_CLIENT_CERTIFICATE_PATH or AZURE_USERNAME and AZURE_PASSWORD also work).`;
      }
    } catch (error) {
      this.#unavailableReason = `EnvironmentCredential: ${(error as Error).message}`;
    }
  }

  /** Gets a token with the credential the environment configures; see `ClientSecretCredential.getToken`. */
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
