import type {
  AnySchema,
  ArraySchema,
  BooleanSchema,
  BytesSchema,
  DateSchema,
  DateTimeSchema,
  DictionarySchema,
  DurationSchema,
  NumberSchema,
  ObjectSchema,
  PolymorphicSchema,
  Schema,
  SchemaProperties,
  StringSchema,
  UnixTimeSchema,
} from "./schema.js";

/**
 * The options of a schema builder: every field of the schema except what the builder sets itself.
 * @public
 */
export type SchemaOptions<S, TOmit extends string = never> = Omit<S, "type" | TOmit>;

/**
 * Small builders that return plain schema data (the same objects a code generator writes), with
 * literal types kept so {@link Infer} can compute the TypeScript type.
 * Use them in hand-written clients and tests; generated code may write the objects directly.
 * @example
 * ```ts
 * const SkuSchema = s.object({
 *   family: s.required(s.enum(["A"], { extensible: true })),
 *   name: s.required(s.enum(["standard", "premium"])),
 * }, { name: "Sku" });
 * ```
 * @public
 */
export const s = {
  /** A string; see {@link StringSchema} for pattern and length limits. */
  string<const O extends SchemaOptions<StringSchema> = {}>(
    options?: O,
  ): { readonly type: "string" } & NoInfer<O> {
    return { type: "string", ...options } as { readonly type: "string" } & NoInfer<O>;
  },
  /** A string with a closed (or, with `extensible: true`, open) set of known values. */
  enum<const E extends readonly string[], const O extends SchemaOptions<StringSchema, "enum"> = {}>(
    values: E,
    options?: O,
  ): { readonly type: "string"; readonly enum: E } & NoInfer<O> {
    return { type: "string", enum: values, ...options } as {
      readonly type: "string";
      readonly enum: E;
    } & NoInfer<O>;
  },
  /** A number (any finite value) within optional limits. */
  number<const O extends SchemaOptions<NumberSchema> = {}>(
    options?: O,
  ): { readonly type: "number" } & NoInfer<O> {
    return { type: "number", ...options } as { readonly type: "number" } & NoInfer<O>;
  },
  /** A whole number within optional limits. */
  integer<const O extends SchemaOptions<NumberSchema> = {}>(
    options?: O,
  ): { readonly type: "integer" } & NoInfer<O> {
    return { type: "integer", ...options } as { readonly type: "integer" } & NoInfer<O>;
  },
  /** `true` or `false`. */
  boolean<const O extends SchemaOptions<BooleanSchema> = {}>(
    options?: O,
  ): { readonly type: "boolean" } & NoInfer<O> {
    return { type: "boolean", ...options } as { readonly type: "boolean" } & NoInfer<O>;
  },
  /** A point in time (`Date`), ISO 8601 on the wire unless `format: "rfc1123"`. */
  dateTime<const O extends SchemaOptions<DateTimeSchema> = {}>(
    options?: O,
  ): { readonly type: "date-time" } & NoInfer<O> {
    return { type: "date-time", ...options } as { readonly type: "date-time" } & NoInfer<O>;
  },
  /** A calendar date (`Date` at UTC midnight), `"YYYY-MM-DD"` on the wire. */
  date<const O extends SchemaOptions<DateSchema> = {}>(options?: O): { readonly type: "date" } & NoInfer<O> {
    return { type: "date", ...options } as { readonly type: "date" } & NoInfer<O>;
  },
  /** A point in time (`Date`) sent as seconds since 1970. */
  unixTime<const O extends SchemaOptions<UnixTimeSchema> = {}>(
    options?: O,
  ): { readonly type: "unix-time" } & NoInfer<O> {
    return { type: "unix-time", ...options } as { readonly type: "unix-time" } & NoInfer<O>;
  },
  /** An ISO 8601 duration string such as `"PT5M"`. */
  duration<const O extends SchemaOptions<DurationSchema> = {}>(
    options?: O,
  ): { readonly type: "duration" } & NoInfer<O> {
    return { type: "duration", ...options } as { readonly type: "duration" } & NoInfer<O>;
  },
  /** Binary data (`Uint8Array`), base64 on the wire. */
  bytes<const O extends SchemaOptions<BytesSchema> = {}>(
    options?: O,
  ): { readonly type: "bytes" } & NoInfer<O> {
    return { type: "bytes", ...options } as { readonly type: "bytes" } & NoInfer<O>;
  },
  /** A list of `items`. */
  array<const I extends Schema, const O extends SchemaOptions<ArraySchema, "items"> = {}>(
    items: I,
    options?: O,
  ): { readonly type: "array"; readonly items: I } & NoInfer<O> {
    return { type: "array", items, ...options } as { readonly type: "array"; readonly items: I } & NoInfer<O>;
  },
  /** A string-keyed map of `values`. */
  dictionary<const V extends Schema, const O extends SchemaOptions<DictionarySchema, "values"> = {}>(
    values: V,
    options?: O,
  ): { readonly type: "dictionary"; readonly values: V } & NoInfer<O> {
    return { type: "dictionary", values, ...options } as {
      readonly type: "dictionary";
      readonly values: V;
    } & NoInfer<O>;
  },
  /** A model with the given properties (closed unless `additionalProperties` says otherwise). */
  object<const P extends SchemaProperties, const O extends SchemaOptions<ObjectSchema, "properties"> = {}>(
    properties: P,
    options?: O,
  ): { readonly type: "object"; readonly properties: P } & NoInfer<O> {
    return { type: "object", properties, ...options } as {
      readonly type: "object";
      readonly properties: P;
    } & NoInfer<O>;
  },
  /** Objects told apart by the `discriminator` property; `subtypes` maps each value to its schema. */
  polymorphic<
    const D extends string,
    const T extends { readonly [value: string]: ObjectSchema },
    const O extends SchemaOptions<PolymorphicSchema, "discriminator" | "subtypes"> = {},
  >(
    discriminator: D,
    subtypes: T,
    options?: O,
  ): { readonly type: "polymorphic"; readonly discriminator: D; readonly subtypes: T } & NoInfer<O> {
    return { type: "polymorphic", discriminator, subtypes, ...options } as {
      readonly type: "polymorphic";
      readonly discriminator: D;
      readonly subtypes: T;
    } & NoInfer<O>;
  },
  /** Any JSON value, passed through. */
  any<const O extends SchemaOptions<AnySchema> = {}>(options?: O): { readonly type: "any" } & NoInfer<O> {
    return { type: "any", ...options } as { readonly type: "any" } & NoInfer<O>;
  },
  /** The same schema as a property that must be present. */
  required<const S extends Schema>(schema: S): S & { readonly required: true } {
    return { ...schema, required: true };
  },
  /** The same schema as a property only the service sets (dropped when serializing). */
  readOnly<const S extends Schema>(schema: S): S & { readonly readOnly: true } {
    return { ...schema, readOnly: true };
  },
  /** The same schema, also accepting `null`. */
  nullable<const S extends Schema>(schema: S): S & { readonly nullable: true } {
    return { ...schema, nullable: true };
  },
  /** The same schema as a property with another wire name, or a wire path for flattened properties. */
  wire<const S extends Schema, const W extends string | readonly string[]>(
    wireName: W,
    schema: S,
  ): S & { readonly wireName: W } {
    return { ...schema, wireName };
  },
};
