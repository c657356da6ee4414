/**
 * Azure credentials for azkit clients: `DefaultAzureCredential` and the credentials it chains
 * (environment, workload identity, managed identity, Azure CLI), a client-secret credential and
 * `ChainedTokenCredential` to build your own chain.
 * @packageDocumentation
 */
export type { AzureCliCredentialOptions } from "./credentials/azureCliCredential.js";
export { AzureCliCredential } from "./credentials/azureCliCredential.js";
export { ChainedTokenCredential } from "./credentials/chainedTokenCredential.js";
export type { ClientSecretCredentialOptions } from "./credentials/clientSecretCredential.js";
export { ClientSecretCredential } from "./credentials/clientSecretCredential.js";
export type { DefaultAzureCredentialOptions } from "./credentials/defaultAzureCredential.js";
export { DefaultAzureCredential } from "./credentials/defaultAzureCredential.js";
export type { EnvironmentCredentialOptions } from "./credentials/environmentCredential.js";
export { EnvironmentCredential } from "./credentials/environmentCredential.js";
export type { ManagedIdentityCredentialOptions } from "./credentials/managedIdentityCredential.js";
export { ManagedIdentityCredential } from "./credentials/managedIdentityCredential.js";
export type { EntraCredentialOptions, TokenCredentialOptions } from "./credentials/tokenCredentialOptions.js";
export type { WorkloadIdentityCredentialOptions } from "./credentials/workloadIdentityCredential.js";
export { WorkloadIdentityCredential } from "./credentials/workloadIdentityCredential.js";
export type { OAuthErrorResponse } from "./errors/authenticationError.js";
export { AuthenticationError, isAuthenticationError } from "./errors/authenticationError.js";
export {
  CredentialUnavailableError,
  isCredentialUnavailableError,
} from "./errors/credentialUnavailableError.js";
