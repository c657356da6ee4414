/**
 * Azure Resource Manager resources for azkit: resource groups, generic resources, tags, providers (ResourceManagementClient, api-version 2025-04-01), generated from the REST API spec.
 * Every operation of the spec, named as `@azure/arm-resources` names it; see the README for the calls
 * people need and the coverage table.
 * @packageDocumentation
 */
// The generated index names every export (client, operation groups, models, enums, option bags).
export * from "./generated/index.js";
