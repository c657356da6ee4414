import { ArmError } from "./armError.js";

/** The schema vocabulary the generator emits from the swagger (see scripts/generateSchemas.mjs). */
export interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  required?: readonly string[];
  /** Closed enums only (x-ms-enum modelAsString: true is open and not listed). */
  enum?: readonly unknown[];
  items?: Schema;
  additionalProperties?: Schema;
  readOnly?: boolean;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
}

/** One thing wrong with a request body. */
export interface ValidationProblem {
  /** JSON path in ARM's style, e.g. `properties.sku.name`. */
  path: string;
  message: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const DOTNET_TYPE: Record<string, string> = {
  string: "System.String",
  integer: "System.Int32",
  number: "System.Double",
  boolean: "System.Boolean",
  object: "System.Object",
  array: "System.Collections.Generic.List",
};

function join(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

function typeMatches(type: string, value: unknown): boolean {
  switch (type) {
    case "string":
      return typeof value === "string";
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    case "number":
      return typeof value === "number";
    case "boolean":
      return typeof value === "boolean";
    case "array":
      return Array.isArray(value);
    case "object":
      return typeof value === "object" && value !== null && !Array.isArray(value);
    default:
      return true;
  }
}

/** Checks a value against a schema: types, required, closed enums, formats; readOnly is ignored. */
export function validate(schema: Schema, value: unknown, path = ""): ValidationProblem[] {
  if (schema.readOnly) return [];
  if (value === null || value === undefined) return [];
  if (schema.type && !typeMatches(schema.type, value)) {
    return [
      {
        path,
        message: `Error converting value ${JSON.stringify(value)} to type '${DOTNET_TYPE[schema.type] ?? schema.type}'.`,
      },
    ];
  }
  const problems: ValidationProblem[] = [];
  if (schema.enum && typeof value === "string") {
    const allowed = schema.enum.map((e) => String(e).toLowerCase());
    if (!allowed.includes(value.toLowerCase())) {
      problems.push({
        path,
        message: `Value ${JSON.stringify(value)} is not one of the allowed values ${schema.enum.map((e) => `'${e}'`).join(", ")}.`,
      });
    }
  }
  if (typeof value === "string") {
    if (schema.format === "uuid" && !UUID.test(value)) {
      problems.push({
        path,
        message: `Error converting value ${JSON.stringify(value)} to type 'System.Guid'.`,
      });
    }
    if (schema.pattern && !new RegExp(schema.pattern, "u").test(value)) {
      problems.push({
        path,
        message: `Value ${JSON.stringify(value)} does not match the pattern '${schema.pattern}'.`,
      });
    }
    if (schema.minLength !== undefined && value.length < schema.minLength) {
      problems.push({ path, message: `Value is shorter than the minimum length ${schema.minLength}.` });
    }
    if (schema.maxLength !== undefined && value.length > schema.maxLength) {
      problems.push({ path, message: `Value is longer than the maximum length ${schema.maxLength}.` });
    }
  }
  if (typeof value === "number") {
    if (schema.minimum !== undefined && value < schema.minimum) {
      problems.push({ path, message: `Value ${value} is less than the minimum ${schema.minimum}.` });
    }
    if (schema.maximum !== undefined && value > schema.maximum) {
      problems.push({ path, message: `Value ${value} is greater than the maximum ${schema.maximum}.` });
    }
  }
  if (Array.isArray(value) && schema.items) {
    value.forEach((item, i) => {
      problems.push(...validate(schema.items!, item, join(path, i)));
    });
  }
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    for (const name of schema.required ?? []) {
      const prop = schema.properties?.[name];
      if (!prop?.readOnly && (record[name] === undefined || record[name] === null)) {
        problems.push({ path: join(path, name), message: `Required property '${name}' not found in JSON.` });
      }
    }
    for (const [key, child] of Object.entries(record)) {
      const prop = schema.properties?.[key] ?? schema.additionalProperties;
      if (prop) problems.push(...validate(prop, child, join(path, key)));
    }
  }
  return problems;
}

/**
 * Validates a request body and throws ARM's 400 for the first problem (all problems in `details`).
 * A missing top-level `location` is ARM's own `LocationRequired`.
 */
export function assertValid(schema: Schema, body: unknown): void {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new ArmError(
      400,
      "InvalidRequestContent",
      "The request content was invalid and could not be deserialized: 'The request body must be a JSON object.'.",
      { origin: "gateway" },
    );
  }
  const problems = validate(schema, body);
  const location = (body as Record<string, unknown>).location;
  const locationMissing =
    schema.required?.includes("location") && (location === "" || location === undefined);
  if (problems.length === 0 && !locationMissing) return;
  if (locationMissing || problems.some((p) => p.path === "location")) {
    throw new ArmError(400, "LocationRequired", "The location property is required for this definition.", {
      origin: "gateway",
    });
  }
  const first = problems[0]!;
  throw new ArmError(
    400,
    "InvalidRequestContent",
    `The request content was invalid and could not be deserialized: '${first.message} Path '${first.path}'.'.`,
    {
      details: problems.map((p) => ({ code: "InvalidRequestContent", target: p.path, message: p.message })),
    },
  );
}

/** Copies only the writable (non-readOnly) part of a value, as ARM ignores read-only input. */
export function writableOnly(schema: Schema, value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return schema.items ? value.map((v) => writableOnly(schema.items!, v)) : value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const prop = schema.properties?.[key] ?? schema.additionalProperties;
    if (prop?.readOnly) continue;
    out[key] = prop ? writableOnly(prop, child) : child;
  }
  return out;
}
