import type { AccessToken, HttpClient, RetryOptions, TokenCredential } from "@azkit/core-http";
import { CredentialUnavailableError } from "../errors/credentialUnavailableError.js";
import { logger } from "../logger.js";
import { AzureCliCredential } from "./azureCliCredential.js";
import { AzureDeveloperCliCredential } from "./azureDeveloperCliCredential.js";
import { AzurePowerShellCredential } from "./azurePowerShellCredential.js";
import { ChainedTokenCredential } from "./chainedTokenCredential.js";
import { EnvironmentCredential } from "./environmentCredential.js";
import { ManagedIdentityCredential } from "./managedIdentityCredential.js";
import { VisualStudioCodeCredential } from "./visualStudioCodeCredential.js";
import { WorkloadIdentityCredential } from "./workloadIdentityCredential.js";

/**
 * The environment variables `DefaultAzureCredential` reads, for `requiredEnvVars`.
 * @public
 */
export type DefaultAzureCredentialEnvVars =
  | "AZURE_TOKEN_CREDENTIALS"
  | "AZURE_CLIENT_ID"
  | "AZURE_TENANT_ID"
  | "AZURE_CLIENT_SECRET"
  | "AZURE_CLIENT_CERTIFICATE_PATH"
  | "AZURE_CLIENT_CERTIFICATE_PASSWORD"
  | "AZURE_ADDITIONALLY_ALLOWED_TENANTS"
  | "AZURE_CLIENT_SEND_CERTIFICATE_CHAIN"
  | "AZURE_FEDERATED_TOKEN_FILE";

/**
 * Options of `DefaultAzureCredential`.
 * @public
 */
export interface DefaultAzureCredentialOptions {
  /** The tenant for the workload identity and developer tool links; `AZURE_TENANT_ID` by default. */
  tenantId?: string;
  /** The Microsoft Entra ID authority for the links that talk to it; see `EntraCredentialOptions`. */
  authorityHost?: string;
  /** Tenants besides the configured one that `getToken({ tenantId })` may ask for; `"*"` allows any. */
  additionallyAllowedTenants?: string[];
  /** A user-assigned managed identity's client id; `AZURE_CLIENT_ID` by default. */
  managedIdentityClientId?: string;
  /** A user-assigned managed identity's ARM resource id (instead of its client id). */
  managedIdentityResourceId?: string;
  /** The workload identity's client id; `AZURE_CLIENT_ID` by default. */
  workloadIdentityClientId?: string;
  /** How long `az`, `pwsh` and `azd` may run; 10000 ms by default. */
  processTimeoutInMs?: number;
  /**
   * Variables that must be set (and not empty) when the credential is created; the constructor throws
   * naming the missing ones, so a misconfigured deployment fails at start instead of at the first call.
   */
  requiredEnvVars?: DefaultAzureCredentialEnvVars | DefaultAzureCredentialEnvVars[];
  /** Accepted and ignored: azkit does no instance discovery (see `AuthorityValidationOptions`). */
  disableInstanceDiscovery?: boolean;
  /** Sends the token requests of every link (see `TokenCredentialOptions.httpClient`). */
  httpClient?: HttpClient;
  /** How every link's token requests are retried (see `TokenCredentialOptions.retryOptions`). */
  retryOptions?: RetryOptions;
}

/**
 * `DefaultAzureCredentialOptions` naming a user-assigned managed identity by client id (`@azure/identity`'s name).
 * @public
 */
export interface DefaultAzureCredentialClientIdOptions extends DefaultAzureCredentialOptions {
  /** A user-assigned managed identity's client id. */
  managedIdentityClientId?: string;
  /** The workload identity's client id. */
  workloadIdentityClientId?: string;
}

/**
 * `DefaultAzureCredentialOptions` naming a user-assigned managed identity by resource id (`@azure/identity`'s name).
 * @public
 */
export interface DefaultAzureCredentialResourceIdOptions extends DefaultAzureCredentialOptions {
  /** A user-assigned managed identity's ARM resource id. */
  managedIdentityResourceId: string;
}

type LinkName =
  | "EnvironmentCredential"
  | "WorkloadIdentityCredential"
  | "ManagedIdentityCredential"
  | "VisualStudioCodeCredential"
  | "AzureCliCredential"
  | "AzurePowerShellCredential"
  | "AzureDeveloperCliCredential";

/** `@azure/identity`'s order: deployed-environment credentials, then developer tools. */
const PROD: LinkName[] = ["EnvironmentCredential", "WorkloadIdentityCredential", "ManagedIdentityCredential"];
const DEV: LinkName[] = [
  "VisualStudioCodeCredential",
  "AzureCliCredential",
  "AzurePowerShellCredential",
  "AzureDeveloperCliCredential",
];

/** The links `AZURE_TOKEN_CREDENTIALS` selects: `dev`, `prod` or one credential's name (any case). */
function selectedLinks(): LinkName[] {
  const raw = process.env.AZURE_TOKEN_CREDENTIALS?.trim();
  if (!raw) return [...PROD, ...DEV];
  const value = raw.toLowerCase();
  if (value === "dev") return DEV;
  if (value === "prod") return PROD;
  const one = [...PROD, ...DEV].find((name) => name.toLowerCase() === value);
  if (one) return [one];
  throw new TypeError(
    `DefaultAzureCredential: AZURE_TOKEN_CREDENTIALS is "${raw}"; use "prod", "dev" or one of ${[...PROD, ...DEV].join(", ")}.`,
  );
}

/** A link whose constructor threw: in the chain it reports why, as an unavailable credential. */
class UnavailableLink implements TokenCredential {
  constructor(
    readonly credentialName: string,
    readonly reason: string,
  ) {}

  async getToken(): Promise<AccessToken> {
    const { credentialName, reason } = this;
    throw new CredentialUnavailableError(
      reason.startsWith(credentialName) ? reason : `${credentialName}: ${reason}`,
    );
  }
}

/**
 * The credential that works in most places without code changes. Tries, in `@azure/identity`'s order:
 * `EnvironmentCredential`, `WorkloadIdentityCredential`, `ManagedIdentityCredential` (deployed code),
 * then `VisualStudioCodeCredential`, `AzureCliCredential`, `AzurePowerShellCredential` and
 * `AzureDeveloperCliCredential` (a developer's sign-in). The first that gives a token wins and is
 * remembered. `AZURE_TOKEN_CREDENTIALS` narrows the chain: `prod` (the first three), `dev` (the others)
 * or one credential's name. When none can give a token, one `AggregateAuthenticationError` lists each
 * and why.
 *
 * @example
 * ```ts
 * const credential = new DefaultAzureCredential();
 * const client = new BlobServiceClient("https://account.blob.core.windows.net", credential);
 * // ...
 * await credential.close(); // or: await using credential = new DefaultAzureCredential();
 * ```
 * @public
 */
export class DefaultAzureCredential extends ChainedTokenCredential {
  /**
   * Creates the chain; reads the environment now, contacts nothing until the first `getToken`. Throws
   * when `requiredEnvVars` are missing or `AZURE_TOKEN_CREDENTIALS` names no credential.
   */
  constructor(options: DefaultAzureCredentialOptions = {}) {
    const required = options.requiredEnvVars === undefined ? [] : [options.requiredEnvVars].flat();
    const missing = required.filter((name) => !process.env[name]);
    if (missing.length > 0) {
      throw new TypeError(
        `DefaultAzureCredential: required environment ${missing.length === 1 ? "variable" : "variables"} ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not set or empty.`,
      );
    }
    const { tenantId, authorityHost, additionallyAllowedTenants, httpClient, retryOptions } = options;
    const entra = { authorityHost, additionallyAllowedTenants, httpClient, retryOptions };
    const developerTool = {
      tenantId: tenantId ?? process.env.AZURE_TENANT_ID,
      additionallyAllowedTenants,
      processTimeoutInMs: options.processTimeoutInMs,
    };
    const managedIdentityClientId = options.managedIdentityClientId ?? process.env.AZURE_CLIENT_ID;
    const factories: Record<LinkName, () => TokenCredential> = {
      EnvironmentCredential: () => new EnvironmentCredential(entra),
      WorkloadIdentityCredential: () =>
        new WorkloadIdentityCredential({ ...entra, tenantId, clientId: options.workloadIdentityClientId }),
      ManagedIdentityCredential: () =>
        new ManagedIdentityCredential(
          options.managedIdentityResourceId
            ? { resourceId: options.managedIdentityResourceId, httpClient, retryOptions }
            : { clientId: managedIdentityClientId, httpClient, retryOptions },
        ),
      VisualStudioCodeCredential: () => new VisualStudioCodeCredential({ tenantId: developerTool.tenantId }),
      AzureCliCredential: () => new AzureCliCredential(developerTool),
      AzurePowerShellCredential: () => new AzurePowerShellCredential(developerTool),
      AzureDeveloperCliCredential: () => new AzureDeveloperCliCredential(developerTool),
    };
    super(
      ...selectedLinks().map((name) => {
        try {
          return factories[name]();
        } catch (error) {
          logger.warning(`DefaultAzureCredential: ${name} could not be created`, {
            reason: (error as Error).message,
          });
          return new UnavailableLink(name, (error as Error).message);
        }
      }),
    );
  }
}
