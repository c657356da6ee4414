import type { AccessToken, GetTokenOptions, TokenCredential } from "@azkit/core-http";
import { AuthenticationError } from "../errors/authenticationError.js";
import { scopeToResource } from "../tokenCache.js";
import { type DeveloperTool, DeveloperToolSession } from "./developerToolCredential.js";

/**
 * Options of `AzureCliCredential`.
 * @public
 */
export interface AzureCliCredentialOptions {
  /** Asks `az` for a token from this tenant instead of the logged-in account's default. */
  tenantId?: string;
  /** Tenants besides `tenantId` that `getToken({ tenantId })` may ask for; `"*"` allows any. */
  additionallyAllowedTenants?: string[];
  /** How long `az` may run before it is stopped and the credential reported unavailable; 10000 ms by default. */
  processTimeoutInMs?: number;
  /**
   * The subscription (name or id) whose tenant `az` gets the token from, instead of the default one;
   * not sent when a tenant is (az refuses both together).
   */
  subscription?: string;
}

const NAME = "AzureCliCredential";

const AZ: DeveloperTool = {
  credentialName: NAME,
  toolName: "az",
  notFound:
    'the Azure CLI (az) was not found on PATH; install it from https://aka.ms/azure-cli and run "az login".',
  notFoundInStderr: /not recognized as an internal or external command|az: not found/i,
  userActions: [
    {
      when: (stderr) => /az login|az account set|no subscription found/i.test(stderr),
      message: 'not logged in to the Azure CLI; run "az login".',
    },
  ],
  // az reports a refused request (a wrong resource, a tenant it may not use) as a plain failure.
  otherFailure: "authentication",
};

/**
 * Uses the account you are logged in with in the Azure CLI: runs
 * `az account get-access-token --output json --resource <resource>` (no shell, with a timeout).
 * Meant for development machines. When `az` is not installed, not logged in or too slow, `getToken`
 * rejects with a `CredentialUnavailableError` that says which.
 *
 * @example
 * ```ts
 * // after `az login`
 * const credential = new AzureCliCredential();
 * const token = await credential.getToken("https://management.azure.com/.default");
 * ```
 * @public
 */
export class AzureCliCredential implements TokenCredential {
  readonly #session: DeveloperToolSession;
  readonly #subscription: string | undefined;

  /** Creates the credential; throws on a malformed tenant id or subscription. */
  constructor(options: AzureCliCredentialOptions = {}) {
    this.#session = new DeveloperToolSession(AZ, options, (scopes, getOptions) =>
      this.#requestToken(scopes, getOptions),
    );
    // A subscription name becomes an argument of az (and, on Windows, of the shell that runs az.cmd).
    if (options.subscription !== undefined && !/^[0-9A-Za-z._ -]+$/.test(options.subscription)) {
      throw new TypeError(
        `${NAME}: subscription must be a subscription id or a name of letters, digits, ".", "_", "-" and spaces.`,
      );
    }
    this.#subscription = options.subscription;
  }

  /** Gets a token for one scope from the Azure CLI, cached until five minutes before it expires. */
  async getToken(scopes: string | string[], options: GetTokenOptions = {}): Promise<AccessToken> {
    return this.#session.getToken(scopes, options);
  }

  /** Forgets the cached tokens (the CLI holds no sockets). */
  async close(): Promise<void> {
    this.#session.clear();
  }

  /** Same as `AzureCliCredential.close`, for `await using`. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  async #requestToken(scopes: string[], options: GetTokenOptions): Promise<AccessToken> {
    const resource = scopeToResource(NAME, scopes);
    const tenant = this.#session.tenantFor(options);
    const args = ["account", "get-access-token", "--output", "json", "--resource", resource];
    if (tenant) args.push("--tenant", tenant);
    // On Windows az.cmd runs through the shell, which splits a name with spaces unless it is quoted.
    else if (this.#subscription) {
      const quote = process.platform === "win32" && this.#subscription.includes(" ");
      args.push("--subscription", quote ? `"${this.#subscription}"` : this.#subscription);
    }
    const stdout = await this.#session.run({ files: ["az"], args, windowsCmd: true }, options);
    const parsed = this.#session.parseJson<{
      accessToken?: unknown;
      expires_on?: unknown;
      expiresOn?: unknown;
    }>(stdout);
    if (typeof parsed.accessToken !== "string" || parsed.accessToken === "") {
      throw new AuthenticationError(`${NAME}: az's output has no accessToken.`);
    }
    return { token: parsed.accessToken, expiresOnTimestamp: expiryOf(parsed), tokenType: "Bearer" };
  }
}

/** `expires_on` (Unix seconds, az >= 2.54) is exact; older versions print `expiresOn` in local time. */
function expiryOf(parsed: { expires_on?: unknown; expiresOn?: unknown }): number {
  const seconds = Number(parsed.expires_on);
  if (parsed.expires_on !== undefined && Number.isFinite(seconds)) return seconds * 1000;
  if (typeof parsed.expiresOn === "string") {
    const local = Date.parse(parsed.expiresOn.replace(" ", "T"));
    if (!Number.isNaN(local)) return local;
  }
  throw new AuthenticationError(`${NAME}: az's output has no usable expiry.`);
}
