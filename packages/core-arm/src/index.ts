/**
 * The runtime of azkit's generated Azure Resource Manager clients (`@azkit/mgmt-*`): operations as
 * data run by one {@link ArmClientContext}, schemas built on first use, model classes, paging and
 * long-running operations over core-http and core-lro. Users of the management packages do not
 * import it; generated code does.
 * @packageDocumentation
 */
export type { ArmCallOptions, ArmClientInfo, ArmClientOptions, ArmLroOptions } from "./armClientContext.js";
export { ArmClientContext } from "./armClientContext.js";
export type { ArmOperationSpec, ArmParameterSpec } from "./armOperationSpec.js";
export { armScopeFor } from "./armScope.js";
export type { ModelClass } from "./modelClass.js";
export { modelClass } from "./modelClass.js";
export type {
  SchemaDefinition,
  SchemaDefinitionResult,
  SchemaReference,
  SchemaReferenceFlags,
  SchemaRegistry,
} from "./schemaRegistry.js";
export { createSchemaRegistry } from "./schemaRegistry.js";
