import { compileSchema } from "./compileSchema.js";
import type { Infer } from "./inferType.js";
import type { Schema } from "./schema.js";
import { walkCollectingProblems } from "./serdeContext.js";
import { DeserializationError } from "./serdeErrors.js";

/**
 * Turns wire JSON from a service into plain objects typed by the schema: wire names to property
 * names, flattened `properties.*` lifted, date strings to `Date`, base64 to `Uint8Array`.
 * Tolerant of what services add (unknown properties of closed models are dropped, unknown enum values
 * and `null` for optional properties are accepted); strict on the types code relies on.
 * Use it on a parsed response body.
 * @param schema - what the body should look like
 * @param wire - the parsed JSON
 * @param path - the name of the value in messages (`"body"` makes paths like `body.value[3].id`)
 * @returns the value with the schema's TypeScript type
 * @throws {@link DeserializationError} listing up to 10 problems, with paths in wire names
 * @example
 * ```ts
 * const vault = deserialize(VaultSchema, JSON.parse(response.bodyAsText ?? "null"), "body");
 * vault.properties?.createdAt; // a Date
 * ```
 * @public
 */
export function deserialize<S extends Schema>(schema: S, wire: unknown, path = ""): Infer<S> {
  return walkCollectingProblems(
    path,
    (ctx) =>
      wire === undefined
        ? ctx.fail(compileSchema(schema).expected(), "nothing")
        : wire === null
          ? null
          : compileSchema(schema).de(wire, ctx),
    (problems) => new DeserializationError(problems),
  ) as Infer<S>;
}
