/**
 * Azure Key Vault management for azkit: vaults, private endpoint connections, private link resources (KeyVaultManagementClient, api-version 2025-05-01), generated from the REST API spec.
 * Every operation of the spec, named as `@azure/arm-keyvault` names it; see the README for the calls
 * people need and the coverage table.
 * @packageDocumentation
 */
// The generated index names every export (client, operation groups, models, enums, option bags).
export * from "./generated/index.js";
