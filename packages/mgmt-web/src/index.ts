/**
 * Azure App Service management for azkit: web apps and App Service plans (WebSiteManagementClient, api-version 2025-03-01), generated from the REST API spec.
 * Every operation of the spec, named as `@azure/arm-web` names it; see the README for the calls
 * people need and the coverage table.
 * @packageDocumentation
 */
// The generated index names every export (client, operation groups, models, enums, option bags).
export * from "./generated/index.js";
