import type { AccessToken, GetTokenOptions, TokenCredential } from "@azkit/core-http";
import { AuthenticationError } from "../errors/authenticationError.js";
import { CredentialUnavailableError } from "../errors/credentialUnavailableError.js";
import { checkTenantId, resolveTenant } from "../http/entraAuthority.js";
import { normalizeScopes, TokenCache } from "../tokenCache.js";
import { firstLine, runDeveloperTool, type ToolFailure, toolAborted } from "./developerToolProcess.js";
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
  readonly #tenantId: string | undefined;
  readonly #allowedTenants: readonly string[];
  readonly #timeoutInMs: number;
  readonly #cache: TokenCache;

  /** Creates the credential; throws on a malformed tenant id. */
  constructor(options: AzureDeveloperCliCredentialOptions = {}) {
    this.#tenantId = options.tenantId ? checkTenantId(NAME, options.tenantId) : undefined;
    this.#allowedTenants = options.additionallyAllowedTenants ?? [];
    this.#timeoutInMs = options.processTimeoutInMs ?? 10_000;
    this.#cache = new TokenCache((scopes, getOptions) => this.#requestToken(scopes, getOptions));
  }

  /** Gets a token for `scopes` from `azd`, cached until five minutes before it expires. */
  async getToken(scopes: string | string[], options: GetTokenOptions = {}): Promise<AccessToken> {
    return this.#cache.getToken(normalizeScopes(NAME, scopes), options);
  }

  /** Forgets the cached tokens (the tool holds no sockets). */
  async close(): Promise<void> {
    this.#cache.clear();
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
    const tenant =
      this.#tenantId === undefined && options.tenantId === undefined
        ? undefined
        : resolveTenant(NAME, this.#tenantId ?? options.tenantId!, options.tenantId, this.#allowedTenants);
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
    let stdout: string;
    try {
      ({ stdout } = await runDeveloperTool("azd", args, this.#timeoutInMs, options.abortSignal, {
        cwd: process.platform === "win32" ? (process.env.SystemRoot ?? "C:\\Windows") : "/bin",
      }));
    } catch (failure) {
      throw toAzdError(failure as ToolFailure, this.#timeoutInMs);
    }
    let parsed: { token?: unknown; expiresOn?: unknown };
    try {
      parsed = JSON.parse(stdout);
    } catch {
      throw new AuthenticationError(`${NAME}: azd printed something other than JSON.`);
    }
    const expiresOnTimestamp =
      typeof parsed.expiresOn === "string" ? Date.parse(parsed.expiresOn) : Number.NaN;
    if (typeof parsed.token !== "string" || parsed.token === "" || Number.isNaN(expiresOnTimestamp)) {
      throw new AuthenticationError(`${NAME}: azd's output has no token or no expiresOn.`);
    }
    return { token: parsed.token, expiresOnTimestamp, tokenType: "Bearer" };
  }
}

function toAzdError({ error, stderr, aborted }: ToolFailure, timeoutInMs: number): Error {
  if (aborted) return toolAborted(NAME);
  if (error.code === "ENOENT" || /azd:(.*)not found|'azd' is not recognized/i.test(stderr)) {
    return new CredentialUnavailableError(
      `${NAME}: the Azure Developer CLI (azd) was not found on PATH; install it from https://aka.ms/azd-install and run "azd auth login".`,
    );
  }
  if (error.killed)
    return new CredentialUnavailableError(`${NAME}: azd did not answer within ${timeoutInMs} ms.`);
  if (
    /not logged in, run `azd (auth )?login`|must use multi-factor authentication|reauthentication required/i.test(
      stderr,
    )
  ) {
    return new CredentialUnavailableError(
      `${NAME}: not logged in to the Azure Developer CLI; run "azd auth login".`,
    );
  }
  return new CredentialUnavailableError(
    `${NAME}: azd failed: ${firstLine(stderr, `exit code ${String(error.code)}`)}`,
  );
}
