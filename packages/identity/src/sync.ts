/**
 * The sync entry of \@azkit/identity: the same credential classes, whose `getToken` and `close` block the
 * calling thread instead of returning Promises. They run inside core-http's sync bridge (one worker
 * thread per process); errors arrive as the same classes, so `isCredentialUnavailableError` and
 * `instanceof` work as in async code.
 *
 * @example
 * ```ts
 * import { DefaultAzureCredential } from "@azkit/identity/sync";
 * const credential = new DefaultAzureCredential();
 * const { token } = credential.getToken("https://management.azure.com/.default");
 * credential.close();
 * ```
 * @packageDocumentation
 */
import { createSyncClientClass, registerSyncErrorClass, type SyncClient } from "@azkit/core-http";
import type {
  AzureCliCredential as AsyncAzureCliCredential,
  ChainedTokenCredential as AsyncChainedTokenCredential,
  ClientSecretCredential as AsyncClientSecretCredential,
  DefaultAzureCredential as AsyncDefaultAzureCredential,
  EnvironmentCredential as AsyncEnvironmentCredential,
  ManagedIdentityCredential as AsyncManagedIdentityCredential,
  WorkloadIdentityCredential as AsyncWorkloadIdentityCredential,
} from "./index.js";
import { AuthenticationError, CredentialUnavailableError } from "./index.js";

registerSyncErrorClass(CredentialUnavailableError);
registerSyncErrorClass(AuthenticationError);

const where = { moduleSpecifier: "@azkit/identity", resolveFrom: import.meta.url } as const;

/**
 * `DefaultAzureCredential` with a blocking `getToken`.
 * @public
 */
export const DefaultAzureCredential = createSyncClientClass<typeof AsyncDefaultAzureCredential>({
  ...where,
  exportName: "DefaultAzureCredential",
});
/**
 * An instance of the blocking `DefaultAzureCredential`.
 * @public
 */
export type DefaultAzureCredential = SyncClient<AsyncDefaultAzureCredential>;

/**
 * `ClientSecretCredential` with a blocking `getToken`.
 * @public
 */
export const ClientSecretCredential = createSyncClientClass<typeof AsyncClientSecretCredential>({
  ...where,
  exportName: "ClientSecretCredential",
});
/**
 * An instance of the blocking `ClientSecretCredential`.
 * @public
 */
export type ClientSecretCredential = SyncClient<AsyncClientSecretCredential>;

/**
 * `EnvironmentCredential` with a blocking `getToken`.
 * @public
 */
export const EnvironmentCredential = createSyncClientClass<typeof AsyncEnvironmentCredential>({
  ...where,
  exportName: "EnvironmentCredential",
});
/**
 * An instance of the blocking `EnvironmentCredential`.
 * @public
 */
export type EnvironmentCredential = SyncClient<AsyncEnvironmentCredential>;

/**
 * `ManagedIdentityCredential` with a blocking `getToken`.
 * @public
 */
export const ManagedIdentityCredential = createSyncClientClass<typeof AsyncManagedIdentityCredential>({
  ...where,
  exportName: "ManagedIdentityCredential",
});
/**
 * An instance of the blocking `ManagedIdentityCredential`.
 * @public
 */
export type ManagedIdentityCredential = SyncClient<AsyncManagedIdentityCredential>;

/**
 * `WorkloadIdentityCredential` with a blocking `getToken`.
 * @public
 */
export const WorkloadIdentityCredential = createSyncClientClass<typeof AsyncWorkloadIdentityCredential>({
  ...where,
  exportName: "WorkloadIdentityCredential",
});
/**
 * An instance of the blocking `WorkloadIdentityCredential`.
 * @public
 */
export type WorkloadIdentityCredential = SyncClient<AsyncWorkloadIdentityCredential>;

/**
 * `AzureCliCredential` with a blocking `getToken`.
 * @public
 */
export const AzureCliCredential = createSyncClientClass<typeof AsyncAzureCliCredential>({
  ...where,
  exportName: "AzureCliCredential",
});
/**
 * An instance of the blocking `AzureCliCredential`.
 * @public
 */
export type AzureCliCredential = SyncClient<AsyncAzureCliCredential>;

/**
 * `ChainedTokenCredential` with a blocking `getToken`; pass it sync credentials from this entry.
 * @public
 */
export const ChainedTokenCredential = createSyncClientClass<typeof AsyncChainedTokenCredential>({
  ...where,
  exportName: "ChainedTokenCredential",
});
/**
 * An instance of the blocking `ChainedTokenCredential`.
 * @public
 */
export type ChainedTokenCredential = SyncClient<AsyncChainedTokenCredential>;

/**
 * The async classes the sync ones wrap, under the names the sync types refer to them by.
 */
export type {
  AsyncAzureCliCredential,
  AsyncChainedTokenCredential,
  AsyncClientSecretCredential,
  AsyncDefaultAzureCredential,
  AsyncEnvironmentCredential,
  AsyncManagedIdentityCredential,
  AsyncWorkloadIdentityCredential,
};
export type {
  AzureCliCredentialOptions,
  ClientSecretCredentialOptions,
  DefaultAzureCredentialOptions,
  EntraCredentialOptions,
  EnvironmentCredentialOptions,
  ManagedIdentityCredentialOptions,
  OAuthErrorResponse,
  TokenCredentialOptions,
  WorkloadIdentityCredentialOptions,
} from "./index.js";
export {
  AuthenticationError,
  CredentialUnavailableError,
  isAuthenticationError,
  isCredentialUnavailableError,
} from "./index.js";
