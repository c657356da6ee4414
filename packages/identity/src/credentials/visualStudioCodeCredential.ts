import type { AccessToken, GetTokenOptions, TokenCredential } from "@azkit/core-http";
import { CredentialUnavailableError } from "../errors/credentialUnavailableError.js";
import { checkTenantId } from "../http/entraAuthority.js";
import type { MultiTenantTokenCredentialOptions } from "./tokenCredentialOptions.js";

/**
 * Options of `VisualStudioCodeCredential`.
 * @public
 */
export interface VisualStudioCodeCredentialOptions extends MultiTenantTokenCredentialOptions {
  /** The tenant of the VS Code sign-in. */
  tenantId?: string;
}

const NAME = "VisualStudioCodeCredential";

/**
 * The Visual Studio Code sign-in (the Azure Resources extension). `@azure/identity` reaches it only
 * through its `@azure/identity-vscode` plugin and the operating system's authentication broker, neither
 * of which azkit has, so this credential always reports itself unavailable, with what to use instead.
 * It exists so that chains written for `@azure/identity` (and `DefaultAzureCredential`'s order) port
 * unchanged: in a chain it passes the turn to the next credential.
 *
 * @example
 * ```ts
 * // Ported code keeps working; the chain moves on to the Azure CLI.
 * const credential = new ChainedTokenCredential(new VisualStudioCodeCredential(), new AzureCliCredential());
 * ```
 * @public
 */
export class VisualStudioCodeCredential implements TokenCredential {
  /** Creates the credential; throws on a malformed tenant id. */
  constructor(options: VisualStudioCodeCredentialOptions = {}) {
    if (options.tenantId) checkTenantId(NAME, options.tenantId);
  }

  /** Always rejects with a `CredentialUnavailableError` naming the credentials to use instead. */
  async getToken(_scopes: string | string[], _options: GetTokenOptions = {}): Promise<AccessToken> {
    throw new CredentialUnavailableError(
      `${NAME}: the VS Code sign-in needs @azure/identity's VS Code plugin and the authentication broker, which azkit does not have; sign in with "az login" (AzureCliCredential) or "azd auth login" (AzureDeveloperCliCredential) instead.`,
    );
  }
}
