import { compileSchema, serChild } from "./compileSchema.js";
import type { InferInput } from "./inferType.js";
import type { Schema } from "./schema.js";
import { walkCollectingProblems } from "./serdeContext.js";
import { SerializationError } from "./serdeErrors.js";

/**
 * Validates a value against a schema and turns it into wire JSON: property names to wire names,
 * flattened properties nested back under `properties`, dates to ISO strings, bytes to base64;
 * read-only properties are dropped. The value may be inline JSON, model objects, or a mix at any depth,
 * and the output is the same for all of them (property order follows the schema).
 * Use it to build a request body; `JSON.stringify` the result.
 * @param schema - what the value must look like
 * @param value - the value as the caller gave it
 * @param path - the name of the value in messages (`"parameters"` makes paths like `parameters.properties.sku`)
 * @returns the wire JSON value
 * @throws {@link SerializationError} listing up to 10 problems, each with its path
 * @example
 * ```ts
 * const body = JSON.stringify(serialize(VaultCreateOrUpdateParametersSchema, parameters, "parameters"));
 * ```
 * @public
 */
export function serialize<S extends Schema>(schema: S, value: InferInput<S>, path = ""): unknown {
  return walkCollectingProblems(
    path,
    (ctx) =>
      value === undefined
        ? ctx.fail(compileSchema(schema).expected(), "nothing")
        : serChild(compileSchema(schema), value, ctx),
    (problems) => new SerializationError(problems),
  );
}
