import type { HttpClient, RetryOptions } from "@azkit/core-http";
import { AzureCliCredential } from "./azureCliCredential.js";
import { ChainedTokenCredential } from "./chainedTokenCredential.js";
import { EnvironmentCredential } from "./environmentCredential.js";
import { ManagedIdentityCredential } from "./managedIdentityCredential.js";
import { WorkloadIdentityCredential } from "./workloadIdentityCredential.js";

/**
 * Options of `DefaultAzureCredential`.
 * @public
 */
export interface DefaultAzureCredentialOptions {
  /** The tenant for the workload identity and Azure CLI links; `AZURE_TENANT_ID` by default. */
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
  /** How long `az` may run; 10000 ms by default. */
  processTimeoutInMs?: number;
  /** Sends the token requests of every link (see `TokenCredentialOptions.httpClient`). */
  httpClient?: HttpClient;
  /** How every link's token requests are retried (see `TokenCredentialOptions.retryOptions`). */
  retryOptions?: RetryOptions;
}

/**
 * The credential that works in most places without code changes: tries, in order,
 * `EnvironmentCredential` (service principal from `AZURE_*` variables),
 * `WorkloadIdentityCredential` (Kubernetes workload identity), `ManagedIdentityCredential`
 * (Azure-hosted code) and `AzureCliCredential` (your `az login` on a development machine).
 * The first that gives a token wins and is remembered. When none can, one `CredentialUnavailableError`
 * lists each credential and why it was unavailable.
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
  /** Creates the chain; reads the environment now, contacts nothing until the first `getToken`. */
  constructor(options: DefaultAzureCredentialOptions = {}) {
    const { tenantId, authorityHost, additionallyAllowedTenants, httpClient, retryOptions } = options;
    const managedIdentityClientId = options.managedIdentityClientId ?? process.env.AZURE_CLIENT_ID;
    super(
      new EnvironmentCredential({ authorityHost, additionallyAllowedTenants, httpClient, retryOptions }),
      new WorkloadIdentityCredential({
        tenantId,
        clientId: options.workloadIdentityClientId,
        authorityHost,
        additionallyAllowedTenants,
        httpClient,
        retryOptions,
      }),
      new ManagedIdentityCredential(
        options.managedIdentityResourceId
          ? { resourceId: options.managedIdentityResourceId, httpClient, retryOptions }
          : { clientId: managedIdentityClientId, httpClient, retryOptions },
      ),
      new AzureCliCredential({
        tenantId: tenantId ?? process.env.AZURE_TENANT_ID,
        additionallyAllowedTenants,
        processTimeoutInMs: options.processTimeoutInMs,
      }),
    );
  }
}
