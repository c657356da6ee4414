import type { AccessToken, GetTokenOptions, TokenCredential } from "@azkit/core-http";
import { AuthenticationError } from "../errors/authenticationError.js";
import { CredentialUnavailableError } from "../errors/credentialUnavailableError.js";
import { type DeveloperTool, DeveloperToolSession } from "./developerToolCredential.js";
import type { MultiTenantTokenCredentialOptions } from "./tokenCredentialOptions.js";

/**
 * Options of `AzureDeveloperCliCredential`.
 * @public
 */
export interface AzureDeveloperCliCredentialOptions extends MultiTenantTokenCredentialOptions {
  /** Asks `azd` for a token from this tenant. */
  tenantId?: string;
  /** How long `azd` may run; 10000 ms by default. */
  processTimeoutInMs?: number;
}

const NAME = "AzureDeveloperCliCredential";

const AZD: DeveloperTool = {
  credentialName: NAME,
  toolName: "azd",
  notFound:
    'the Azure Developer CLI (azd) was not found on PATH; install it from https://aka.ms/azd-install and run "azd auth login".',
  notFoundInStderr: /azd:(.*)not found|'azd' is not recognized/i,
  userActions: [
    {
      when: (stderr) =>
        /not logged in, run `azd (auth )?login`|must use multi-factor authentication|reauthentication required/i.test(
          stderr,
        ),
      message: 'not logged in to the Azure Developer CLI; run "azd auth login".',
    },
  ],
};

/**
 * Uses the account you are logged in with in the Azure Developer CLI: runs
 * `azd auth token --output json --no-prompt --scope <scope>` (no shell, with a timeout). Meant for
 * development machines. When `azd` is not installed, not logged in or too slow, `getToken` rejects with
 * a `CredentialUnavailableError` that says which.
 *
 * @example
 * ```ts
 * // after `azd auth login`
 * const credential = new AzureDeveloperCliCredential();
 * ```
 * @public
 */
export class AzureDeveloperCliCredential implements TokenCredential {
  readonly #session: DeveloperToolSession;

  /** Creates the credential; throws on a malformed tenant id. */
  constructor(options: AzureDeveloperCliCredentialOptions = {}) {
    this.#session = new DeveloperToolSession(AZD, options, (scopes, getOptions) =>
      this.#requestToken(scopes, getOptions),
    );
  }

  /** Gets a token for `scopes` from `azd`, cached until five minutes before it expires. */
  async getToken(scopes: string | string[], options: GetTokenOptions = {}): Promise<AccessToken> {
    return this.#session.getToken(scopes, options);
  }

  /** Forgets the cached tokens (the tool holds no sockets). */
  async close(): Promise<void> {
    this.#session.clear();
  }

  /** Same as `AzureDeveloperCliCredential.close`, for `await using`. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  async #requestToken(scopes: string[], options: GetTokenOptions): Promise<AccessToken> {
    for (const scope of scopes) {
      if (!/^[0-9A-Za-z][0-9A-Za-z_.:/-]*$/.test(scope)) {
        throw new TypeError(`${NAME}: the scope contains characters a scope never has.`);
      }
    }
    const tenant = this.#session.tenantFor(options);
    if (options.claims) {
      throw new CredentialUnavailableError(
        `${NAME}: this credential cannot answer a claims challenge; run "azd auth login --claims ${Buffer.from(options.claims).toString("base64")}${tenant ? ` --tenant-id ${tenant}` : ""}" and try again.`,
      );
    }
    const args = [
      "auth",
      "token",
      "--output",
      "json",
      "--no-prompt",
      ...scopes.flatMap((s) => ["--scope", s]),
    ];
    if (tenant) args.push("--tenant-id", tenant);
    const stdout = await this.#session.run(
      {
        files: ["azd"],
        args,
        cwd: process.platform === "win32" ? (process.env.SystemRoot ?? "C:\\Windows") : "/bin",
      },
      options,
    );
    const parsed = this.#session.parseJson<{ token?: unknown; expiresOn?: unknown }>(stdout);
    const expiresOnTimestamp =
      typeof parsed.expiresOn === "string" ? Date.parse(parsed.expiresOn) : Number.NaN;
    if (typeof parsed.token !== "string" || parsed.token === "" || Number.isNaN(expiresOnTimestamp)) {
      throw new AuthenticationError(`${NAME}: azd's output has no token or no expiresOn.`);
    }
    return { token: parsed.token, expiresOnTimestamp, tokenType: "Bearer" };
  }
}
