import type { NumberSchema, ObjectSchema, Schema, StringSchema } from "./schema.js";

const MAX_ENUM_SHOWN = 6;
const MAX_PROPERTIES_SHOWN = 8;

function literals(values: readonly (string | number)[]): string {
  const shown = values.slice(0, MAX_ENUM_SHOWN).map((v) => JSON.stringify(v));
  if (values.length > MAX_ENUM_SHOWN) shown.push("…");
  return shown.join(" | ");
}

function stringLimits(schema: StringSchema): string {
  const parts: string[] = [];
  const { minLength: min, maxLength: max } = schema;
  if (min !== undefined && max !== undefined) parts.push(`of ${min} to ${max} characters`);
  else if (min !== undefined) parts.push(`of at least ${min} character${min === 1 ? "" : "s"}`);
  else if (max !== undefined) parts.push(`of at most ${max} characters`);
  if (schema.pattern !== undefined) parts.push(`matching /${schema.pattern}/`);
  return parts.length ? ` ${parts.join(" ")}` : "";
}

function numberLimits(schema: NumberSchema): string {
  const parts: string[] = [];
  if (schema.minimum !== undefined) parts.push(`at least ${schema.minimum}`);
  if (schema.exclusiveMinimum !== undefined) parts.push(`greater than ${schema.exclusiveMinimum}`);
  if (schema.maximum !== undefined) parts.push(`at most ${schema.maximum}`);
  if (schema.exclusiveMaximum !== undefined) parts.push(`less than ${schema.exclusiveMaximum}`);
  return parts.length ? ` ${parts.join(" and ")}` : "";
}

function objectShape(schema: ObjectSchema, depth: number): string {
  const entries = Object.entries(schema.properties).filter(([, p]) => !p.readOnly);
  if (entries.length === 0) return "{}";
  const shown = entries
    .slice(0, MAX_PROPERTIES_SHOWN)
    .map(([name, p]) => `${name}${p.required ? "" : "?"}: ${shortType(p, depth + 1)}`);
  if (entries.length > MAX_PROPERTIES_SHOWN) shown.push("…");
  return `{ ${shown.join(", ")} }`;
}

/** @internal A schema as a compact type expression: `"standard" | "premium"`, `string[]`, `{ name: string }`. */
export function shortType(schema: Schema, depth = 0): string {
  const base = shortBase(schema, depth);
  return schema.nullable ? `${base} | null` : base;
}

function shortBase(schema: Schema, depth: number): string {
  switch (schema.type) {
    case "string":
      if (!schema.enum) return "string";
      return schema.extensible ? `${literals(schema.enum)} | string` : literals(schema.enum);
    case "number":
    case "integer":
      return schema.enum ? literals(schema.enum) : schema.type === "integer" ? "integer" : "number";
    case "boolean":
      return "boolean";
    case "date-time":
    case "date":
    case "unix-time":
      return "Date";
    case "duration":
      return "duration";
    case "bytes":
      return "bytes";
    case "array": {
      const items = shortType(schema.items, depth);
      return /[|\s]/.test(items) && !items.startsWith("{") ? `(${items})[]` : `${items}[]`;
    }
    case "dictionary":
      return `{ [key: string]: ${shortType(schema.values, depth)} }`;
    case "object":
      if (depth >= 1) return schema.name ?? (Object.keys(schema.properties).length ? "{…}" : "{}");
      return objectShape(schema, depth);
    case "polymorphic":
      return `{ ${schema.discriminator}: ${literals(Object.keys(schema.subtypes))}, … }`;
    case "any":
      return "any";
  }
}

/**
 * @internal What a schema expects, as the `expected` part of an error:
 * `an object { name: "standard" | "premium", family: "A" }`, `a string of at most 24 characters`.
 */
export function describeSchema(schema: Schema): string {
  const base = describeBase(schema);
  return schema.nullable ? `${base} or null` : base;
}

function describeBase(schema: Schema): string {
  switch (schema.type) {
    case "string":
      if (schema.enum && !schema.extensible) return `one of ${literals(schema.enum)}`;
      if (schema.enum) return `a string${stringLimits(schema)} (known values: ${literals(schema.enum)})`;
      return `a string${stringLimits(schema)}`;
    case "number":
    case "integer":
      if (schema.enum) return `one of ${literals(schema.enum)}`;
      return `${schema.type === "integer" ? "an integer" : "a finite number"}${numberLimits(schema)}`;
    case "boolean":
      return "a boolean";
    case "date-time":
      return schema.format === "rfc1123"
        ? "a date-time (a Date or an RFC 1123 string)"
        : "a date-time (a Date or an ISO 8601 string)";
    case "date":
      return 'a date (a Date or a "YYYY-MM-DD" string)';
    case "unix-time":
      return "a date-time (a Date or whole seconds since 1970)";
    case "duration":
      return 'an ISO 8601 duration such as "PT1H30M"';
    case "bytes":
      return schema.format === "base64url"
        ? "bytes (a Uint8Array or a base64url string)"
        : "bytes (a Uint8Array or a base64 string)";
    case "array": {
      const { minItems: min, maxItems: max } = schema;
      const size =
        min !== undefined && max !== undefined
          ? ` with ${min} to ${max} items`
          : min !== undefined
            ? ` with at least ${min} item${min === 1 ? "" : "s"}`
            : max !== undefined
              ? ` with at most ${max} items`
              : "";
      return `an array of ${shortType(schema.items, 1)}${size}`;
    }
    case "dictionary":
      return `an object (or Map) of ${shortType(schema.values, 1)} values`;
    case "object":
      return `an object ${objectShape(schema, 0)}`;
    case "polymorphic":
      return `an object with ${schema.discriminator} ${literals(Object.keys(schema.subtypes))}`;
    case "any":
      return "any JSON value";
  }
}
