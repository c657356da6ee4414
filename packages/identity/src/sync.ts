/**
 * The sync entry of \@azkit/identity: the same credential classes, whose `getToken` (and `authenticate`,
 * `close`) block the calling thread instead of returning Promises. They run inside core-http's sync bridge
 * (one worker thread per process); callbacks you pass (`getAssertion`, `userPromptCallback`) run on your
 * thread while it waits. Errors arrive as the same classes, so `isCredentialUnavailableError` and
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
import {
  type AccessToken,
  createSyncClientClass,
  type GetTokenOptions,
  registerSyncErrorClass,
  type SyncClient,
} from "@azkit/core-http";
import type {
  AuthorizationCodeCredential as AsyncAuthorizationCodeCredential,
  AzureCliCredential as AsyncAzureCliCredential,
  AzureDeveloperCliCredential as AsyncAzureDeveloperCliCredential,
  AzurePipelinesCredential as AsyncAzurePipelinesCredential,
  AzurePowerShellCredential as AsyncAzurePowerShellCredential,
  ChainedTokenCredential as AsyncChainedTokenCredential,
  ClientAssertionCredential as AsyncClientAssertionCredential,
  ClientCertificateCredential as AsyncClientCertificateCredential,
  ClientSecretCredential as AsyncClientSecretCredential,
  DefaultAzureCredential as AsyncDefaultAzureCredential,
  DeviceCodeCredential as AsyncDeviceCodeCredential,
  EnvironmentCredential as AsyncEnvironmentCredential,
  InteractiveBrowserCredential as AsyncInteractiveBrowserCredential,
  ManagedIdentityCredential as AsyncManagedIdentityCredential,
  OnBehalfOfCredential as AsyncOnBehalfOfCredential,
  UsernamePasswordCredential as AsyncUsernamePasswordCredential,
  VisualStudioCodeCredential as AsyncVisualStudioCodeCredential,
  WorkloadIdentityCredential as AsyncWorkloadIdentityCredential,
} from "./index.js";
import {
  AggregateAuthenticationError,
  AuthenticationError,
  AuthenticationRequiredError,
  CredentialUnavailableError,
} from "./index.js";

registerSyncErrorClass(CredentialUnavailableError);
registerSyncErrorClass(AggregateAuthenticationError);
registerSyncErrorClass(AuthenticationError);
registerSyncErrorClass(AuthenticationRequiredError);

const where = { moduleSpecifier: "@azkit/identity", resolveFrom: import.meta.url } as const;

/**
 * `AuthorizationCodeCredential` with a blocking `getToken`.
 * @public
 */
export const AuthorizationCodeCredential = createSyncClientClass<typeof AsyncAuthorizationCodeCredential>({
  ...where,
  exportName: "AuthorizationCodeCredential",
});
/**
 * An instance of the blocking `AuthorizationCodeCredential`.
 * @public
 */
export type AuthorizationCodeCredential = SyncClient<AsyncAuthorizationCodeCredential>;

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
 * `AzureDeveloperCliCredential` with a blocking `getToken`.
 * @public
 */
export const AzureDeveloperCliCredential = createSyncClientClass<typeof AsyncAzureDeveloperCliCredential>({
  ...where,
  exportName: "AzureDeveloperCliCredential",
});
/**
 * An instance of the blocking `AzureDeveloperCliCredential`.
 * @public
 */
export type AzureDeveloperCliCredential = SyncClient<AsyncAzureDeveloperCliCredential>;

/**
 * `AzurePipelinesCredential` with a blocking `getToken`.
 * @public
 */
export const AzurePipelinesCredential = createSyncClientClass<typeof AsyncAzurePipelinesCredential>({
  ...where,
  exportName: "AzurePipelinesCredential",
});
/**
 * An instance of the blocking `AzurePipelinesCredential`.
 * @public
 */
export type AzurePipelinesCredential = SyncClient<AsyncAzurePipelinesCredential>;

/**
 * `AzurePowerShellCredential` with a blocking `getToken`.
 * @public
 */
export const AzurePowerShellCredential = createSyncClientClass<typeof AsyncAzurePowerShellCredential>({
  ...where,
  exportName: "AzurePowerShellCredential",
});
/**
 * An instance of the blocking `AzurePowerShellCredential`.
 * @public
 */
export type AzurePowerShellCredential = SyncClient<AsyncAzurePowerShellCredential>;

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
 * `ClientAssertionCredential` with a blocking `getToken`; `getAssertion` runs on the calling thread (it may return the assertion or a Promise of it).
 * @public
 */
export const ClientAssertionCredential = createSyncClientClass<typeof AsyncClientAssertionCredential>({
  ...where,
  exportName: "ClientAssertionCredential",
});
/**
 * An instance of the blocking `ClientAssertionCredential`.
 * @public
 */
export type ClientAssertionCredential = SyncClient<AsyncClientAssertionCredential>;

/**
 * `ClientCertificateCredential` with a blocking `getToken`.
 * @public
 */
export const ClientCertificateCredential = createSyncClientClass<typeof AsyncClientCertificateCredential>({
  ...where,
  exportName: "ClientCertificateCredential",
});
/**
 * An instance of the blocking `ClientCertificateCredential`.
 * @public
 */
export type ClientCertificateCredential = SyncClient<AsyncClientCertificateCredential>;

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
 * `DeviceCodeCredential` with blocking `getToken` and `authenticate`; `userPromptCallback` runs on the calling thread while it waits.
 * @public
 */
export const DeviceCodeCredential = createSyncClientClass<typeof AsyncDeviceCodeCredential>({
  ...where,
  exportName: "DeviceCodeCredential",
});
/**
 * An instance of the blocking `DeviceCodeCredential`.
 * @public
 */
export type DeviceCodeCredential = SyncClient<AsyncDeviceCodeCredential>;

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
 * `InteractiveBrowserCredential` with blocking `getToken` and `authenticate` (the browser opens, the calling thread waits for the redirect).
 * @public
 */
export const InteractiveBrowserCredential = createSyncClientClass<typeof AsyncInteractiveBrowserCredential>({
  ...where,
  exportName: "InteractiveBrowserCredential",
});
/**
 * An instance of the blocking `InteractiveBrowserCredential`.
 * @public
 */
export type InteractiveBrowserCredential = SyncClient<AsyncInteractiveBrowserCredential>;

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
 * `OnBehalfOfCredential` with a blocking `getToken`; a `getAssertion` option runs on the calling thread.
 * @public
 */
export const OnBehalfOfCredential = createSyncClientClass<typeof AsyncOnBehalfOfCredential>({
  ...where,
  exportName: "OnBehalfOfCredential",
});
/**
 * An instance of the blocking `OnBehalfOfCredential`.
 * @public
 */
export type OnBehalfOfCredential = SyncClient<AsyncOnBehalfOfCredential>;

/**
 * `UsernamePasswordCredential` with a blocking `getToken`.
 * @public
 */
export const UsernamePasswordCredential = createSyncClientClass<typeof AsyncUsernamePasswordCredential>({
  ...where,
  exportName: "UsernamePasswordCredential",
});
/**
 * An instance of the blocking `UsernamePasswordCredential`.
 * @public
 */
export type UsernamePasswordCredential = SyncClient<AsyncUsernamePasswordCredential>;

/**
 * `VisualStudioCodeCredential` with a blocking `getToken`.
 * @public
 */
export const VisualStudioCodeCredential = createSyncClientClass<typeof AsyncVisualStudioCodeCredential>({
  ...where,
  exportName: "VisualStudioCodeCredential",
});
/**
 * An instance of the blocking `VisualStudioCodeCredential`.
 * @public
 */
export type VisualStudioCodeCredential = SyncClient<AsyncVisualStudioCodeCredential>;

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
 * Returns a function that gives a current bearer token for `scopes`, blocking: the sync twin of
 * `getBearerTokenProvider` (the credential's own cache keeps the token until it needs refreshing).
 * @example
 * ```ts
 * const getToken = getBearerTokenProvider(new DefaultAzureCredential(), "https://management.azure.com/.default");
 * const header = `Bearer ${getToken()}`;
 * ```
 * @public
 */
export function getBearerTokenProvider(
  credential: { getToken(scopes: string | string[], options?: GetTokenOptions): AccessToken | null },
  scopes: string | string[],
): () => string {
  return () => {
    const token = credential.getToken(scopes)?.token;
    if (!token) throw new Error("getBearerTokenProvider: the credential returned no token.");
    return token;
  };
}

/**
 * Returns a new blocking `DefaultAzureCredential` with default options.
 * @example
 * ```ts
 * const credential = getDefaultAzureCredential();
 * ```
 * @public
 */
export function getDefaultAzureCredential(): DefaultAzureCredential {
  return new DefaultAzureCredential();
}

/**
 * The async classes the sync ones wrap, under the names the sync types refer to them by.
 */
export type {
  AsyncAuthorizationCodeCredential,
  AsyncAzureCliCredential,
  AsyncAzureDeveloperCliCredential,
  AsyncAzurePipelinesCredential,
  AsyncAzurePowerShellCredential,
  AsyncChainedTokenCredential,
  AsyncClientAssertionCredential,
  AsyncClientCertificateCredential,
  AsyncClientSecretCredential,
  AsyncDefaultAzureCredential,
  AsyncDeviceCodeCredential,
  AsyncEnvironmentCredential,
  AsyncInteractiveBrowserCredential,
  AsyncManagedIdentityCredential,
  AsyncOnBehalfOfCredential,
  AsyncUsernamePasswordCredential,
  AsyncVisualStudioCodeCredential,
  AsyncWorkloadIdentityCredential,
};
export type {
  AuthenticationRecord,
  AuthenticationRequiredErrorOptions,
  AuthorityValidationOptions,
  AuthorizationCodeCredentialOptions,
  AzureCliCredentialOptions,
  AzureDeveloperCliCredentialOptions,
  AzurePipelinesCredentialOptions,
  AzurePowerShellCredentialOptions,
  BrokerAuthOptions,
  BrokerDisabledOptions,
  BrokerEnabledOptions,
  BrokerOptions,
  BrowserCustomizationOptions,
  BrowserLoginStyle,
  ClientAssertionCredentialOptions,
  ClientCertificateCredentialOptions,
  ClientCertificateCredentialPEMConfiguration,
  ClientCertificatePEMCertificate,
  ClientCertificatePEMCertificatePath,
  ClientSecretCredentialOptions,
  CredentialPersistenceOptions,
  DefaultAzureCredentialClientIdOptions,
  DefaultAzureCredentialEnvVars,
  DefaultAzureCredentialOptions,
  DefaultAzureCredentialResourceIdOptions,
  DeviceCodeCredentialOptions,
  DeviceCodeInfo,
  DeviceCodePromptCallback,
  EntraCredentialOptions,
  EnvironmentCredentialOptions,
  ErrorResponse,
  GetBearerTokenProviderOptions,
  InteractiveBrowserCredentialInBrowserOptions,
  InteractiveBrowserCredentialNodeOptions,
  InteractiveCredentialOptions,
  ManagedIdentityCredentialClientIdOptions,
  ManagedIdentityCredentialObjectIdOptions,
  ManagedIdentityCredentialOptions,
  ManagedIdentityCredentialResourceIdOptions,
  MultiTenantTokenCredentialOptions,
  OAuthErrorResponse,
  OnBehalfOfCredentialAssertionOptions,
  OnBehalfOfCredentialCertificateOptions,
  OnBehalfOfCredentialOptions,
  OnBehalfOfCredentialSecretOptions,
  TokenCachePersistenceOptions,
  TokenCredentialOptions,
  UsernamePasswordCredentialOptions,
  VisualStudioCodeCredentialOptions,
  WorkloadIdentityCredentialOptions,
} from "./index.js";
export {
  AggregateAuthenticationError,
  AggregateAuthenticationErrorName,
  AuthenticationError,
  AuthenticationErrorName,
  AuthenticationRequiredError,
  AzureAuthorityHosts,
  CredentialUnavailableError,
  CredentialUnavailableErrorName,
  deserializeAuthenticationRecord,
  isAuthenticationError,
  isCredentialUnavailableError,
  logger,
  serializeAuthenticationRecord,
} from "./index.js";
