import type { ObjectSchema, Schema, SchemaProperties } from "@azkit/core-http";

/**
 * The property-level facts a reference to a named schema may add (the referenced model itself has none).
 * @public
 */
export interface SchemaReferenceFlags {
  /** The property must be present. */
  readonly required?: boolean;
  /** The service sets the property; it is dropped when serializing. */
  readonly readOnly?: boolean;
  /** `null` is a valid value. */
  readonly nullable?: boolean;
  /** The wire name or, for flattened properties, the wire path. */
  readonly wireName?: string | readonly string[];
}

/**
 * Returns the named schema of the same registry, optionally as a property with flags.
 * @public
 */
export type SchemaReference = (name: string, flags?: SchemaReferenceFlags) => Schema;

/**
 * What a generated definition returns: a schema, and for object models the names of the models whose
 * properties come first (swagger `allOf`), so each property is written once in generated code.
 * @public
 */
export type SchemaDefinitionResult = Schema & { readonly bases?: readonly string[] };

/**
 * Builds one named schema; `ref` gives the other named schemas of the registry (cycles allowed).
 * @public
 */
export type SchemaDefinition = (ref: SchemaReference) => SchemaDefinitionResult;

/**
 * The named schemas of a generated client, built on first use.
 * @public
 */
export interface SchemaRegistry {
  /** The schema named `name`, built (with what it references) the first time it is asked for. */
  get(name: string): Schema;
}

/**
 * Makes the schema registry of a generated client from its definitions. Nothing is built here: a
 * definition runs the first time its schema (or one referencing it) is needed, so importing a client
 * with hundreds of models costs nothing for the models a program never sends or receives.
 *
 * References go through `ref(name)`: each name is built once and shared, so recursive models
 * (`ErrorDetail.details: ErrorDetail[]`) are plain object cycles; `ref(name, flags)` is the same
 * schema as a property (required, read-only, renamed) without copying it.
 *
 * @example
 * ```ts
 * const schemas = createSchemaRegistry({
 *   Sku: () => ({ type: "object", name: "Sku", properties: { name: { type: "string", required: true } } }),
 *   Vault: (ref) => ({ type: "object", name: "Vault", bases: ["Resource"], properties: { sku: ref("Sku", { required: true }) } }),
 *   Resource: () => ({ type: "object", name: "Resource", properties: { id: { type: "string", readOnly: true } } }),
 * });
 * serialize(schemas.get("Vault"), { sku: { name: "standard" } }, "parameters");
 * ```
 * @public
 */
export function createSchemaRegistry(
  definitions: Readonly<Record<string, SchemaDefinition>>,
): SchemaRegistry {
  const built = new Map<string, Schema>();
  const ref: SchemaReference = (name, flags) => {
    const target = get(name);
    // A view of the shared schema with the property's own facts: reads fall through to the target,
    // which may still be filling in (a cycle), and is complete before anything compiles it.
    return flags ? (Object.assign(Object.create(target) as object, flags) as Schema) : target;
  };
  const get = (name: string): Schema => {
    const existing = built.get(name);
    if (existing) return existing;
    const definition = definitions[name];
    if (definition === undefined) throw new Error(`core-arm: no schema named ${JSON.stringify(name)}`);
    const shell = {} as Record<string, unknown>;
    built.set(name, shell as unknown as Schema);
    const { bases, ...schema } = definition(ref) as SchemaDefinitionResult & Record<string, unknown>;
    if (bases && bases.length > 0 && schema.type === "object") {
      const { properties: own, ...rest } = schema as { properties: SchemaProperties };
      Object.assign(shell, rest);
      let merged: SchemaProperties | undefined;
      // Bases may be mid-construction when models reference each other, so merge on first read
      // (compilation reads `properties` only when a value is first converted).
      Object.defineProperty(shell, "properties", {
        enumerable: true,
        configurable: true,
        get(): SchemaProperties {
          if (merged === undefined) {
            const all: Record<string, Schema> = {};
            for (const base of bases) Object.assign(all, (get(base) as ObjectSchema).properties);
            merged = Object.assign(all, own);
          }
          return merged;
        },
      });
    } else {
      Object.assign(shell, schema);
    }
    return shell as unknown as Schema;
  };
  return { get };
}
