/**
 * How a schema maps to XML; ignored by JSON serialization.
 * @public
 */
export interface XmlOptions {
  /** The element (or attribute) name when it differs from the wire name, e.g. `"Blob"` for the items of a list. */
  readonly name?: string;
  /** Writes and reads the value as an attribute of the parent element instead of a child element. */
  readonly attribute?: boolean;
  /** Writes and reads the value as the text content of the parent element (beside its attributes). */
  readonly text?: boolean;
  /** For arrays: the items sit inside a wrapper element named by the wire name (`<Containers><Container/>`). */
  readonly wrapped?: boolean;
  /** For wrapped arrays: the name of each item element; defaults to the item schema's `xml.name`. */
  readonly itemName?: string;
}

/**
 * What every schema may carry: nullability, XML mapping and, when the schema describes an object
 * property, the property's own facts (required, read-only, wire name).
 * @public
 */
export interface SchemaCommon {
  /** `null` is a valid value (sent and received as JSON `null`). */
  readonly nullable?: boolean;
  /** A short description, used nowhere at runtime; generators may copy the spec's summary here. */
  readonly description?: string;
  /** The XML mapping of this value. */
  readonly xml?: XmlOptions;
  /** As an object property: serialization fails when the property is absent. */
  readonly required?: boolean;
  /** As an object property: set by the service only; dropped when serializing, kept when deserializing. */
  readonly readOnly?: boolean;
  /**
   * As an object property: the name on the wire when it differs from the property name. An array is a
   * path into nested wire objects: `["properties", "tenantId"]` flattens `properties.tenantId` onto the
   * model (what `x-ms-client-flatten` does).
   */
  readonly wireName?: string | readonly string[];
}

/**
 * A string, optionally constrained; with `enum` it is a closed set of values unless `extensible`.
 * @public
 */
export interface StringSchema extends SchemaCommon {
  /** Kind tag. */
  readonly type: "string";
  /** A regular expression source the whole value must match (anchor it yourself as specs do). */
  readonly pattern?: string;
  /** Fewest characters allowed. */
  readonly minLength?: number;
  /** Most characters allowed. */
  readonly maxLength?: number;
  /** The known values. */
  readonly enum?: readonly string[];
  /** With `enum`: other strings are accepted too (ARM's `modelAsString: true`); the known values are hints. */
  readonly extensible?: boolean;
  /** The value is a secret (`x-ms-secret`): error messages describe it without showing it. */
  readonly secret?: boolean;
}

/**
 * A number, or an integer with `type: "integer"`, optionally within a range.
 * @public
 */
export interface NumberSchema extends SchemaCommon {
  /** Kind tag. */
  readonly type: "number" | "integer";
  /** Smallest value allowed (inclusive). */
  readonly minimum?: number;
  /** Largest value allowed (inclusive). */
  readonly maximum?: number;
  /** Values must be greater than this. */
  readonly exclusiveMinimum?: number;
  /** Values must be less than this. */
  readonly exclusiveMaximum?: number;
  /** The allowed values, when the spec lists them. */
  readonly enum?: readonly number[];
}

/**
 * `true` or `false`.
 * @public
 */
export interface BooleanSchema extends SchemaCommon {
  /** Kind tag. */
  readonly type: "boolean";
}

/**
 * A point in time: a `Date` in code, an ISO 8601 (or RFC 1123) string on the wire.
 * @public
 */
export interface DateTimeSchema extends SchemaCommon {
  /** Kind tag. */
  readonly type: "date-time";
  /** The wire format: `"rfc3339"` (default, `2025-01-31T12:00:00.000Z`) or `"rfc1123"` (`Fri, 31 Jan 2025 12:00:00 GMT`). */
  readonly format?: "rfc3339" | "rfc1123";
}

/**
 * A calendar date: a `Date` (UTC midnight) in code, `"YYYY-MM-DD"` on the wire.
 * @public
 */
export interface DateSchema extends SchemaCommon {
  /** Kind tag. */
  readonly type: "date";
}

/**
 * A point in time sent as whole seconds since 1970 (`Date` in code, number on the wire).
 * @public
 */
export interface UnixTimeSchema extends SchemaCommon {
  /** Kind tag. */
  readonly type: "unix-time";
}

/**
 * An ISO 8601 duration such as `"PT1H30M"`, kept as a string in code.
 * @public
 */
export interface DurationSchema extends SchemaCommon {
  /** Kind tag. */
  readonly type: "duration";
}

/**
 * Binary data: a `Uint8Array` in code, base64 text on the wire.
 * @public
 */
export interface BytesSchema extends SchemaCommon {
  /** Kind tag. */
  readonly type: "bytes";
  /** `"base64"` (default) or `"base64url"` (URL-safe alphabet, no padding). */
  readonly format?: "base64" | "base64url";
}

/**
 * A list of items of one schema.
 * @public
 */
export interface ArraySchema<TItems extends Schema = Schema> extends SchemaCommon {
  /** Kind tag. */
  readonly type: "array";
  /** The schema of every item. */
  readonly items: TItems;
  /** Fewest items allowed. */
  readonly minItems?: number;
  /** Most items allowed. */
  readonly maxItems?: number;
}

/**
 * A string-keyed map whose values share one schema (`tags`, storage metadata).
 * @public
 */
export interface DictionarySchema<TValues extends Schema = Schema> extends SchemaCommon {
  /** Kind tag. */
  readonly type: "dictionary";
  /** The schema of every value. */
  readonly values: TValues;
}

/**
 * The properties of an object schema, by property (code) name.
 * @public
 */
export type SchemaProperties = { readonly [name: string]: Schema };

/**
 * A model: named properties, each a schema that may be `required`, `readOnly` or renamed on the wire.
 * @public
 */
export interface ObjectSchema<TProps extends SchemaProperties = SchemaProperties> extends SchemaCommon {
  /** Kind tag. */
  readonly type: "object";
  /** The model's name, used in error messages (`Sku`). */
  readonly name?: string;
  /** The properties by code name, in wire order. */
  readonly properties: TProps;
  /**
   * Unknown properties: `false`/absent (closed) rejects them when serializing and drops them when
   * deserializing; `true` (open) keeps them as they are; a schema keeps them and (de)serializes each
   * with it.
   */
  readonly additionalProperties?: boolean | Schema;
}

/**
 * Objects whose shape depends on a discriminator property (`kind`, `odata.type`).
 * @public
 */
export interface PolymorphicSchema<
  TSubtypes extends { readonly [value: string]: ObjectSchema } = {
    readonly [value: string]: ObjectSchema;
  },
> extends SchemaCommon {
  /** Kind tag. */
  readonly type: "polymorphic";
  /** The name of the discriminator property; the same on the wire. */
  readonly discriminator: string;
  /** The object schema of each discriminator value; the discriminator property itself is implied. */
  readonly subtypes: TSubtypes;
  /**
   * The schema for discriminator values not listed (values a newer service version adds). Without it,
   * serializing an unknown value fails and deserializing one keeps the wire object as it is.
   */
  readonly base?: ObjectSchema;
}

/**
 * Any JSON value, passed through untouched.
 * @public
 */
export interface AnySchema extends SchemaCommon {
  /** Kind tag. */
  readonly type: "any";
}

/**
 * A runtime description of a value: plain data (JSON apart from cycles), so code generators can emit it
 * and hand-written clients can write it; drives validation, wire names, dates, bytes and flattening.
 * @public
 */
export type Schema =
  | StringSchema
  | NumberSchema
  | BooleanSchema
  | DateTimeSchema
  | DateSchema
  | UnixTimeSchema
  | DurationSchema
  | BytesSchema
  | ArraySchema
  | DictionarySchema
  | ObjectSchema
  | PolymorphicSchema
  | AnySchema;
