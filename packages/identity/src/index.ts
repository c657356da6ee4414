/**
 * Azure credentials for azkit clients, under the names and option shapes of `@azure/identity` 4.x:
 * `DefaultAzureCredential` and the credentials it chains (environment, workload identity, managed
 * identity, VS Code, Azure CLI, Azure PowerShell, Azure Developer CLI), app credentials (secret,
 * certificate, assertion, on-behalf-of, Azure Pipelines), user credentials (browser, device code,
 * authorization code, user name and password), `ChainedTokenCredential` and `getBearerTokenProvider`.
 * @packageDocumentation
 */
export type { AuthenticationRecord } from "./authenticationRecord.js";
export { deserializeAuthenticationRecord, serializeAuthenticationRecord } from "./authenticationRecord.js";
export { AzureAuthorityHosts } from "./azureAuthorityHosts.js";
export type { AuthorizationCodeCredentialOptions } from "./credentials/authorizationCodeCredential.js";
export { AuthorizationCodeCredential } from "./credentials/authorizationCodeCredential.js";
export type { AzureCliCredentialOptions } from "./credentials/azureCliCredential.js";
export { AzureCliCredential } from "./credentials/azureCliCredential.js";
export type { AzureDeveloperCliCredentialOptions } from "./credentials/azureDeveloperCliCredential.js";
export { AzureDeveloperCliCredential } from "./credentials/azureDeveloperCliCredential.js";
export type { AzurePipelinesCredentialOptions } from "./credentials/azurePipelinesCredential.js";
export { AzurePipelinesCredential } from "./credentials/azurePipelinesCredential.js";
export type { AzurePowerShellCredentialOptions } from "./credentials/azurePowerShellCredential.js";
export { AzurePowerShellCredential } from "./credentials/azurePowerShellCredential.js";
export { ChainedTokenCredential } from "./credentials/chainedTokenCredential.js";
export type { ClientAssertionCredentialOptions } from "./credentials/clientAssertionCredential.js";
export { ClientAssertionCredential } from "./credentials/clientAssertionCredential.js";
export type {
  ClientCertificateCredentialOptions,
  ClientCertificateCredentialPEMConfiguration,
  ClientCertificatePEMCertificate,
  ClientCertificatePEMCertificatePath,
} from "./credentials/clientCertificateCredential.js";
export { ClientCertificateCredential } from "./credentials/clientCertificateCredential.js";
export type { ClientSecretCredentialOptions } from "./credentials/clientSecretCredential.js";
export { ClientSecretCredential } from "./credentials/clientSecretCredential.js";
export type {
  DefaultAzureCredentialClientIdOptions,
  DefaultAzureCredentialEnvVars,
  DefaultAzureCredentialOptions,
  DefaultAzureCredentialResourceIdOptions,
} from "./credentials/defaultAzureCredential.js";
export { DefaultAzureCredential } from "./credentials/defaultAzureCredential.js";
export type {
  DeviceCodeCredentialOptions,
  DeviceCodeInfo,
  DeviceCodePromptCallback,
} from "./credentials/deviceCodeCredential.js";
export { DeviceCodeCredential } from "./credentials/deviceCodeCredential.js";
export type { EnvironmentCredentialOptions } from "./credentials/environmentCredential.js";
export { EnvironmentCredential } from "./credentials/environmentCredential.js";
export type {
  BrokerAuthOptions,
  BrokerDisabledOptions,
  BrokerEnabledOptions,
  BrokerOptions,
  BrowserCustomizationOptions,
  BrowserLoginStyle,
  InteractiveBrowserCredentialInBrowserOptions,
  InteractiveBrowserCredentialNodeOptions,
} from "./credentials/interactiveBrowserCredential.js";
export { InteractiveBrowserCredential } from "./credentials/interactiveBrowserCredential.js";
export type {
  ManagedIdentityCredentialClientIdOptions,
  ManagedIdentityCredentialObjectIdOptions,
  ManagedIdentityCredentialOptions,
  ManagedIdentityCredentialResourceIdOptions,
} from "./credentials/managedIdentityCredential.js";
export { ManagedIdentityCredential } from "./credentials/managedIdentityCredential.js";
export type {
  OnBehalfOfCredentialAssertionOptions,
  OnBehalfOfCredentialCertificateOptions,
  OnBehalfOfCredentialOptions,
  OnBehalfOfCredentialSecretOptions,
} from "./credentials/onBehalfOfCredential.js";
export { OnBehalfOfCredential } from "./credentials/onBehalfOfCredential.js";
export type {
  AuthorityValidationOptions,
  CredentialPersistenceOptions,
  EntraCredentialOptions,
  InteractiveCredentialOptions,
  MultiTenantTokenCredentialOptions,
  TokenCachePersistenceOptions,
  TokenCredentialOptions,
} from "./credentials/tokenCredentialOptions.js";
export type { UsernamePasswordCredentialOptions } from "./credentials/usernamePasswordCredential.js";
export { UsernamePasswordCredential } from "./credentials/usernamePasswordCredential.js";
export type { VisualStudioCodeCredentialOptions } from "./credentials/visualStudioCodeCredential.js";
export { VisualStudioCodeCredential } from "./credentials/visualStudioCodeCredential.js";
export type { WorkloadIdentityCredentialOptions } from "./credentials/workloadIdentityCredential.js";
export { WorkloadIdentityCredential } from "./credentials/workloadIdentityCredential.js";
export {
  AggregateAuthenticationError,
  AggregateAuthenticationErrorName,
} from "./errors/aggregateAuthenticationError.js";
export type { ErrorResponse, OAuthErrorResponse } from "./errors/authenticationError.js";
export { AuthenticationError, isAuthenticationError } from "./errors/authenticationError.js";
export type { AuthenticationRequiredErrorOptions } from "./errors/authenticationRequiredError.js";
export { AuthenticationRequiredError } from "./errors/authenticationRequiredError.js";
export {
  CredentialUnavailableError,
  isCredentialUnavailableError,
} from "./errors/credentialUnavailableError.js";
export { AuthenticationErrorName, CredentialUnavailableErrorName } from "./errors/errorNames.js";
export type { GetBearerTokenProviderOptions } from "./getBearerTokenProvider.js";
export { getBearerTokenProvider } from "./getBearerTokenProvider.js";
export { getDefaultAzureCredential } from "./getDefaultAzureCredential.js";
export { logger } from "./logger.js";
export type { AccessToken, GetTokenOptions, TokenCredential } from "@azkit/core-http";
