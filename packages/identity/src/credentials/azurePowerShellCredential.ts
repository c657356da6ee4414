import type { AccessToken, GetTokenOptions, TokenCredential } from "@azkit/core-http";
import { AuthenticationError } from "../errors/authenticationError.js";
import { CredentialUnavailableError } from "../errors/credentialUnavailableError.js";
import { scopeToResource } from "../tokenCache.js";
import { type DeveloperTool, DeveloperToolSession } from "./developerToolCredential.js";
import type { MultiTenantTokenCredentialOptions } from "./tokenCredentialOptions.js";

/**
 * Options of `AzurePowerShellCredential`.
 * @public
 */
export interface AzurePowerShellCredentialOptions extends MultiTenantTokenCredentialOptions {
  /** Asks Azure PowerShell for a token from this tenant. */
  tenantId?: string;
  /** How long PowerShell may run; 10000 ms by default. */
  processTimeoutInMs?: number;
}

const NAME = "AzurePowerShellCredential";

const POWERSHELL: DeveloperTool = {
  credentialName: NAME,
  toolName: "PowerShell",
  notFound:
    "PowerShell (pwsh) was not found on PATH; install PowerShell 7 and the Az module, then run Connect-AzAccount.",
  userActions: [
    {
      when: (stderr) =>
        /Az\.Accounts/.test(stderr) && /not loaded|no valid module|was not found/i.test(stderr),
      message:
        'the Az.Accounts module (2.2.0 or later) is not installed; run "Install-Module -Name Az -Scope CurrentUser -Repository PSGallery -Force".',
    },
    {
      when: (stderr) => /Connect-AzAccount/i.test(stderr),
      message: 'not logged in to Azure PowerShell; run "Connect-AzAccount".',
    },
  ],
};

/**
 * Gets a token with `Get-AzAccessToken` and prints it as JSON. The resource and tenant are checked
 * (a scope's characters, a tenant id's) before they are put into the script, and the script is one
 * argument of `-Command`, never a shell line. `Token` may be a SecureString (Az.Accounts 2.17 to 4.x).
 */
function script(resource: string, tenantId: string | undefined): string {
  return `
$ErrorActionPreference = 'Stop'
$m = Import-Module Az.Accounts -MinimumVersion 2.2.0 -PassThru
$params = @{ ResourceUrl = '${resource}' }
if ('${tenantId ?? ""}'.Length -gt 0) { $params['TenantId'] = '${tenantId ?? ""}' }
if ($m.Version -ge [version]'2.17.0' -and $m.Version -lt [version]'5.0.0') { $params['AsSecureString'] = $true }
$token = Get-AzAccessToken @params
$value = $token.Token
if ($value -is [System.Security.SecureString]) {
  $ptr = [System.Runtime.InteropServices.Marshal]::SecureStringToBSTR($value)
  try { $value = [System.Runtime.InteropServices.Marshal]::PtrToStringBSTR($ptr) } finally { [System.Runtime.InteropServices.Marshal]::ZeroFreeBSTR($ptr) }
}
Write-Output (ConvertTo-Json -Compress @{ Token = $value; ExpiresOn = $token.ExpiresOn.ToUniversalTime().ToString('o') })
`;
}

/**
 * Uses the account you are logged in with in Azure PowerShell (`Connect-AzAccount`): runs `pwsh` (and on
 * Windows, `powershell` if `pwsh` is missing) with `Get-AzAccessToken`. Meant for development machines.
 * When PowerShell or the Az.Accounts module is missing, or you are not logged in, `getToken` rejects
 * with a `CredentialUnavailableError` that says which.
 *
 * @example
 * ```ts
 * // after Connect-AzAccount
 * const credential = new AzurePowerShellCredential();
 * ```
 * @public
 */
export class AzurePowerShellCredential implements TokenCredential {
  readonly #session: DeveloperToolSession;

  /** Creates the credential; throws on a malformed tenant id. */
  constructor(options: AzurePowerShellCredentialOptions = {}) {
    this.#session = new DeveloperToolSession(POWERSHELL, options, (scopes, getOptions) =>
      this.#requestToken(scopes, getOptions),
    );
  }

  /** Gets a token for one scope from Azure PowerShell, cached until five minutes before it expires. */
  async getToken(scopes: string | string[], options: GetTokenOptions = {}): Promise<AccessToken> {
    return this.#session.getToken(scopes, options);
  }

  /** Forgets the cached tokens (PowerShell holds no sockets). */
  async close(): Promise<void> {
    this.#session.clear();
  }

  /** Same as `AzurePowerShellCredential.close`, for `await using`. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  async #requestToken(scopes: string[], options: GetTokenOptions): Promise<AccessToken> {
    const resource = scopeToResource(NAME, scopes);
    const tenant = this.#session.tenantFor(options);
    if (options.claims) {
      throw new CredentialUnavailableError(
        `${NAME}: this credential cannot answer a claims challenge; run "Connect-AzAccount -ClaimsChallenge ${Buffer.from(options.claims).toString("base64")}${tenant ? ` -Tenant ${tenant}` : ""}" and try again.`,
      );
    }
    // On Windows, Windows PowerShell when PowerShell 7 is not installed.
    const files = process.platform === "win32" ? ["pwsh.exe", "powershell.exe"] : ["pwsh"];
    const args = ["-NoProfile", "-NonInteractive", "-Command", script(resource, tenant)];
    return parseToken(await this.#session.run({ files, args }, options));
  }
}

/** The JSON object with a `Token` among what the script printed (modules may print warnings first). */
function parseToken(stdout: string): AccessToken {
  for (const candidate of stdout.match(/{[^{}]*}/g) ?? []) {
    try {
      const parsed = JSON.parse(candidate) as { Token?: unknown; ExpiresOn?: unknown };
      if (typeof parsed.Token === "string" && parsed.Token !== "") {
        const expiresOnTimestamp = Date.parse(String(parsed.ExpiresOn));
        if (Number.isNaN(expiresOnTimestamp)) break;
        return { token: parsed.Token, expiresOnTimestamp, tokenType: "Bearer" };
      }
    } catch {
      // not the token's JSON; keep looking
    }
  }
  throw new AuthenticationError(`${NAME}: PowerShell printed no token with an ExpiresOn.`);
}
